namespace BatchFunctions.Dashboard;

/// <summary>One file of the dashboard, as served.</summary>
/// <param name="ETag">A strong validator from the content's hash, quoted as HTTP wants it.</param>
public sealed record DashboardAsset(string Name, byte[] Content, string ContentType, string ETag);
