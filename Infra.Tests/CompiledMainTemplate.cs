using System.Text.Json.Nodes;

namespace Infra.Tests;

/// <summary>Compiles infra/main.bicep once for all tests in <see cref="MainBicepCollection"/>.</summary>
public sealed class CompiledMainTemplate : IAsyncLifetime
{
    public BicepResult Build { get; private set; } = new(-1, string.Empty, string.Empty);

    public JsonNode Template { get; private set; } = new JsonObject();

    public JsonObject AppSettings => (JsonObject)ArmTemplate.SingleOfType(Template, "Microsoft.Web/sites/config")["properties"]!;

    public async Task InitializeAsync()
    {
        Build = await BicepCli.RunAsync("build", RepositoryPaths.MainBicep, "--stdout");
        if (Build.ExitCode == 0)
        {
            Template = JsonNode.Parse(Build.StandardOutput)!;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
