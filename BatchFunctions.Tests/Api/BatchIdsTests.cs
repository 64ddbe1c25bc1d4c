using System.Text.RegularExpressions;
using Azure;
using BatchFunctions.Api;
using BatchFunctions.Functions.Ingestion;
using Microsoft.AspNetCore.Routing.Patterns;

namespace BatchFunctions.Tests.Api;

public sealed class BatchIdsTests
{
    public static TheoryData<string> IdsTheAppMakes() =>
    [
        BatchIds.For(null),
        BatchIds.For("renewals-2026-11"),
        RecipientFileDropped.BatchIdFor("list.csv", new ETag("\"0x8DD1A2B3C4D5E6F\"")),
    ];

    [Theory]
    [MemberData(nameof(IdsTheAppMakes))]
    public void Pattern_EveryIdTheAppMakes_Matches(string batchId)
    {
        Assert.Matches(new Regex(BatchIds.Pattern), batchId);
    }

    [Theory]
    [InlineData(ApiRoutes.Batch)]
    [InlineData(ApiRoutes.Cancel)]
    [InlineData(ApiRoutes.Summary)]
    public void BatchRoute_Constraint_IsThePatternOnceUnescaped(string route)
    {
        var parameter = RoutePatternFactory.Parse(route).GetParameter("batchId")!;

        Assert.Equal($"regex({BatchIds.Pattern})", Assert.Single(parameter.ParameterPolicies).Content);
    }

    [Theory]
    [InlineData(ApiRoutes.Batch, "/v1/convai/batch-calling/{batchId}")]
    [InlineData(ApiRoutes.Recipients, "/api/batch-calling/{batchId}/recipients")]
    [InlineData(ApiRoutes.Agent, "/api/batch-calling/agents/{agentId}")]
    public void PathOf_ConstrainedRoute_IsTheDocumentedPath(string route, string path)
    {
        Assert.Equal(path, "/" + ApiRoutes.PathOf(route));
    }
}
