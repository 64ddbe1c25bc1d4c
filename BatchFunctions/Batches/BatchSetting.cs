namespace BatchFunctions.Batches;

/// <summary>Which part of a batch request a rejection is about, so the API can name the field at fault.</summary>
public enum BatchSetting
{
    Recipients,
    AgentId,
    PhoneNumberId,
    Overrides,
    Timezone,
    DoNotCallList,
    VoicemailMessage,
}
