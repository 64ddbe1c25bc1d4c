using System.Text.Json.Nodes;

namespace Infra.Tests;

[Collection(MainBicepCollection.Name)]
public sealed class BicepCompileTests(CompiledMainTemplate main)
{
    [Fact]
    public void Build_MainBicep_SucceedsWithoutDiagnostics()
    {
        Assert.True(main.Build.ExitCode == 0, main.Build.StandardError);
        Assert.Equal(string.Empty, main.Build.StandardError.Trim());
    }

    [Fact]
    public async Task Lint_MainBicepAndModules_ReportsNothing()
    {
        var lint = await BicepCli.RunAsync("lint", RepositoryPaths.MainBicep);

        Assert.True(lint.ExitCode == 0, lint.StandardError);
        Assert.Equal(string.Empty, (lint.StandardOutput + lint.StandardError).Trim());
    }

    [Fact]
    public void ParametersFile_EveryParameter_IsDeclaredInMainBicep()
    {
        var declared = main.Template["parameters"]!.AsObject();

        foreach (var (name, _) in ReadParametersFile())
        {
            Assert.True(declared.ContainsKey(name), $"main.parameters.json sets '{name}', which main.bicep does not declare.");
        }
    }

    [Fact]
    public void ParametersFile_SecureParameters_ComeOnlyFromEnvironment()
    {
        var declared = main.Template["parameters"]!.AsObject();
        var secureNames = declared
            .Where(p => string.Equals((string?)p.Value!["type"], "securestring", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Key)
            .ToList();
        var parameters = ReadParametersFile();

        Assert.NotEmpty(secureNames);
        foreach (var name in secureNames)
        {
            var value = (string?)parameters[name]?["value"];
            Assert.True(
                value is not null && value.StartsWith("${", StringComparison.Ordinal) && value.EndsWith('}'),
                $"Secure parameter '{name}' must be an azd environment substitution like ${{NAME}}, not '{value}'.");
        }
    }

    private static JsonObject ReadParametersFile() =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.MainParameters))!["parameters"]!.AsObject();
}
