namespace BatchFunctions.Functions.Entities;

/// <param name="Capacity">The workspace share, passed each time so a configuration change takes effect.</param>
public sealed record LeaseRequest(string BatchId, int Wanted, int Capacity);
