namespace BatchFunctions.Tests.Infrastructure;

/// <summary>The Azurite instance the test run uses, started by scripts/test.sh (or .ci/run).</summary>
public static class TestStorage
{
    public const string ConnectionStringVariable = "BATCH_TEST_STORAGE";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ConnectionStringVariable} is not set. Run the tests with scripts/test.sh, which starts Azurite and sets it.");

    /// <summary>A task hub of its own per test, so tests never see each other's orchestrations.</summary>
    public static string NewTaskHubName() => "t" + Guid.NewGuid().ToString("N")[..15];
}
