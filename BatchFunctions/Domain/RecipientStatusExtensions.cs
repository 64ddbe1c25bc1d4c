namespace BatchFunctions.Domain;

public static class RecipientStatusExtensions
{
    public static bool IsTerminal(this RecipientStatus status) => status is
        RecipientStatus.Completed or RecipientStatus.Failed or RecipientStatus.Cancelled or RecipientStatus.Voicemail;

    /// <summary>
    /// How far a call has progressed. Callbacks may arrive late or out of order; a status only ever
    /// replaces one of a lower stage, so a stale "ringing" can never undo "in progress".
    /// </summary>
    public static int Stage(this RecipientStatus status) => status switch
    {
        RecipientStatus.Pending => 0,
        RecipientStatus.Dispatched => 1,
        RecipientStatus.Initiated => 2,
        RecipientStatus.InProgress => 3,
        _ => 4,
    };
}
