using System.Text.RegularExpressions;

namespace Infra.Tests;

[Collection(MainBicepCollection.Name)]
public sealed partial class SecurityTemplateTests(CompiledMainTemplate main)
{
    [Theory]
    [InlineData("Twilio__AuthToken")]
    [InlineData("ElevenLabs__ApiKey")]
    [InlineData("Conversations__WebhookSecret")]
    [InlineData("Api__Keys__0")]
    public void AppSettings_SecretSetting_IsKeyVaultReference(string setting)
    {
        var value = (string?)main.AppSettings[setting];

        Assert.NotNull(value);
        Assert.Contains("@Microsoft.KeyVault(VaultName=", value, StringComparison.Ordinal);
        Assert.Contains(";SecretName=", value, StringComparison.Ordinal);
    }

    [Fact]
    public void AppModule_Parameters_CarryNoSecretValues()
    {
        var appDeployment = ArmTemplate.DeploymentOf(ArmTemplate.SingleOfType(main.Template, "Microsoft.Web/sites/config"));
        var parameters = appDeployment["properties"]!["template"]!["parameters"]!.AsObject();

        var secure = parameters
            .Where(p => ((string?)p.Value!["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true)
            .Select(p => p.Key);

        Assert.Empty(secure);
    }

    [Fact]
    public void Template_Anywhere_HasNoStorageKeyOrKeyBasedConnectionString()
    {
        var json = main.Template.ToJsonString();

        Assert.DoesNotContain("AccountKey", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DefaultEndpointsProtocol", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessSignature", json, StringComparison.OrdinalIgnoreCase);
        foreach (Match call in ListCall().Matches(json))
        {
            Assert.DoesNotContain("Microsoft.Storage", call.Value, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Null(main.AppSettings["AzureWebJobsStorage"]);
    }

    [Fact]
    public void StorageAccount_Properties_AllowNoSharedKeyNoPublicBlobsOldTls()
    {
        var properties = ArmTemplate.SingleOfType(main.Template, "Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
    }

    [Fact]
    public void KeyVault_Properties_UseRbacAndSoftDelete()
    {
        var properties = ArmTemplate.SingleOfType(main.Template, "Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True((bool)properties["enableRbacAuthorization"]!);
        Assert.True((bool)properties["enableSoftDelete"]!);
    }

    [Fact]
    public void FunctionApp_Identity_IsManagedAndUsedForKeyVaultAndDeployment()
    {
        var site = ArmTemplate.SingleOfType(main.Template, "Microsoft.Web/sites");

        Assert.Contains("Assigned", (string?)site["identity"]?["type"] ?? string.Empty, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)site["properties"]!["keyVaultReferenceIdentity"]));
        Assert.Equal(
            "UserAssignedIdentity",
            (string?)site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.Equal("managedidentity", (string?)main.AppSettings["AzureWebJobsStorage__credential"]);
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts")] // Storage Blob Data Owner
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts")] // Storage Queue Data Contributor
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts")] // Storage Table Data Contributor
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults")] // Key Vault Secrets User
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components")] // Monitoring Metrics Publisher
    public void RoleAssignment_ForAppIdentity_ExistsOnTheRightResource(string roleId, string scopeType)
    {
        var assignments = ArmTemplate.ResourcesOfType(main.Template, "Microsoft.Authorization/roleAssignments")
            .Where(a => ((string?)a["properties"]!["roleDefinitionId"])?.Contains(roleId, StringComparison.OrdinalIgnoreCase) == true)
            .Where(a => (string?)a["properties"]!["principalId"] == "[parameters('appPrincipalId')]")
            .ToList();

        var assignment = Assert.Single(assignments);
        Assert.Contains(scopeType, (string?)assignment["scope"] ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        var wiredPrincipal = (string?)ArmTemplate.DeploymentOf(assignment)["properties"]!["parameters"]!["appPrincipalId"]!["value"];
        Assert.Equal("[reference('identity').outputs.principalId.value]", wiredPrincipal);
    }

    // A list*() call up to its api-version argument, e.g. listKeys(resourceId(...), '2024-11-01').
    [GeneratedRegex(@"list\w*\(.*?'\d{4}-\d{2}-\d{2}", RegexOptions.IgnoreCase)]
    private static partial Regex ListCall();
}
