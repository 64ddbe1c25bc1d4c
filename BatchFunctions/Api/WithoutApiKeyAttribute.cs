namespace BatchFunctions.Api;

/// <summary>
/// Marks an HTTP function (or every one in a class) that answers without the xi-api-key header. Every
/// other HTTP function is an API function that <see cref="ApiKeyMiddleware"/> guards, so a new endpoint
/// is guarded unless it says here why it need not be.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class WithoutApiKeyAttribute(string reason) : Attribute
{
    /// <summary>Why this function may be called without the key (and what protects it instead, if anything).</summary>
    public string Reason { get; } = reason;
}
