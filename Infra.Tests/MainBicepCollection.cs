namespace Infra.Tests;

[CollectionDefinition(Name)]
public sealed class MainBicepCollection : ICollectionFixture<CompiledMainTemplate>
{
    public const string Name = "main.bicep";
}
