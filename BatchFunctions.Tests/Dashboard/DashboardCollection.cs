namespace BatchFunctions.Tests.Dashboard;

/// <summary>The dashboard's HTTP and browser tests share one app and one browser, and run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardApp>
{
    public const string Name = "Dashboard";
}
