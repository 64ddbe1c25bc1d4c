using System.Text.Json.Nodes;

namespace Infra.Tests;

[Collection(MainBicepCollection.Name)]
public sealed class FunctionAppTemplateTests(CompiledMainTemplate main)
{
    [Fact]
    public void FunctionApp_Plan_IsFlexConsumptionRunningDotnetIsolated10()
    {
        var plan = ArmTemplate.SingleOfType(main.Template, "Microsoft.Web/serverfarms");
        var runtime = ArmTemplate.SingleOfType(main.Template, "Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["runtime"]!;

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
    }

    [Fact]
    public void AppSettings_OnFlexConsumption_OmitWorkerRuntime()
    {
        Assert.Null(main.AppSettings["FUNCTIONS_WORKER_RUNTIME"]);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__accountName")]
    [InlineData("AzureWebJobsStorage__credential")]
    [InlineData("TASKHUB_NAME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    [InlineData("AzureFunctionsWebHost__hostid")]
    [InlineData("Twilio__AccountSid")]
    [InlineData("Twilio__AuthToken")]
    [InlineData("ElevenLabs__ApiKey")]
    [InlineData("ElevenLabs__BaseUrl")]
    [InlineData("Conversations__WebhookSecret")]
    [InlineData("Conversations__FallbackDelay")]
    [InlineData("Callbacks__PublicBaseUrl")]
    [InlineData("Api__Keys__0")]
    [InlineData("Dispatch__WorkspaceConcurrencyLimit")]
    [InlineData("Twilio__CallsPerSecond")]
    [InlineData("Batch__DefaultAgentId")]
    [InlineData("Batch__DefaultPhoneNumberId")]
    [InlineData("AzureWebJobs.RecipientFileDroppedByPolling.Disabled")]
    public void AppSettings_SettingTheAppReads_IsSet(string setting)
    {
        Assert.True(main.AppSettings.ContainsKey(setting), $"App setting '{setting}' is missing.");
    }

    [Fact]
    public void FunctionApp_Tags_NameTheAzdService()
    {
        var tags = (string?)ArmTemplate.SingleOfType(main.Template, "Microsoft.Web/sites")["tags"];

        Assert.Contains("'azd-service-name', 'api'", tags ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("containerNames", "uploads")]
    [InlineData("containerNames", "processed")]
    [InlineData("containerNames", "rejected")]
    [InlineData("tableNames", "Recipients")]
    [InlineData("tableNames", "Attempts")]
    [InlineData("tableNames", "BatchIndex")]
    public void Storage_ContainersAndTables_IncludeWhatTheAppUses(string parameter, string expected)
    {
        var storageDeployment = ArmTemplate.DeploymentOf(ArmTemplate.SingleOfType(main.Template, "Microsoft.Storage/storageAccounts"));
        var names = storageDeployment["properties"]!["parameters"]![parameter]!["value"]!.AsArray()
            .Select(ResolveVariable);

        Assert.Contains(expected, names);
    }

    [Fact]
    public void UploadEvents_Subscription_DeliversBlobCreatedInUploadsToTheBlobExtension()
    {
        var subscription = ArmTemplate.SingleOfType(main.Template, "Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var properties = subscription["properties"]!;

        Assert.Equal("Microsoft.Storage.BlobCreated", (string?)properties["filter"]!["includedEventTypes"]![0]);
        Assert.Equal("[format('/blobServices/default/containers/{0}/', parameters('containerName'))]", (string?)properties["filter"]!["subjectBeginsWith"]);
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.", (string?)properties["destination"]!["properties"]!["endpointUrl"] ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("uploads", ResolveVariable(ArmTemplate.DeploymentOf(subscription)["properties"]!["parameters"]!["containerName"]!["value"]));
    }

    [Theory]
    [InlineData("AZURE_LOCATION")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    [InlineData("AZURE_FUNCTION_APP_NAME")]
    [InlineData("AZURE_STORAGE_ACCOUNT_NAME")]
    [InlineData("AZURE_KEY_VAULT_NAME")]
    public void Outputs_ForAzd_IncludeName(string output)
    {
        Assert.True(main.Template["outputs"]!.AsObject().ContainsKey(output), $"Output '{output}' is missing.");
    }

    // Module parameters that main.bicep passes from its own variables compile to "[variables('x')]".
    private string? ResolveVariable(JsonNode? value)
    {
        var text = (string?)value;
        const string Prefix = "[variables('";
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || !text.EndsWith("')]", StringComparison.Ordinal))
        {
            return text;
        }

        var name = text[Prefix.Length..^3];
        return (string?)main.Template["variables"]![name];
    }
}
