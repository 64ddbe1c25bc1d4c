namespace BatchFunctions.Providers.ElevenLabs;

/// <summary>ElevenLabs refused us in a way only the operator can fix (key, agent, phone number).</summary>
public sealed class ElevenLabsConfigurationException : Exception
{
    public ElevenLabsConfigurationException(string message) : base(message)
    {
    }

    public ElevenLabsConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ElevenLabsConfigurationException()
    {
    }
}
