using ExpertSupport.Testing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ExpertSupport.IntegrationTests.Plans;

/// <summary>The plan feature's endpoints are in the OpenAPI document, each with a description.</summary>
[Trait("Category", "Slow")]
public sealed class PlanApiDocsTests(SharedAppFixture fixture)
{
    [Theory]
    [InlineData("/api/cases")]
    [InlineData("/api/cases/open")]
    [InlineData("/api/cases/{id}/proposals")]
    [InlineData("/api/cases/{id}/messages")]
    [InlineData("/api/proposals/{id}/accept")]
    [InlineData("/api/experts/search")]
    [InlineData("/api/experts/search/{id}")]
    [InlineData("/api/plans")]
    [InlineData("/api/plans/{id}/agree")]
    [InlineData("/api/plans/{id}/rating")]
    [InlineData("/api/plans/{id}/messages")]
    [InlineData("/api/office/plans")]
    [InlineData("/api/office/plans/{id}/send-back")]
    public async Task Each_endpoint_is_described_in_the_OpenAPI_document(string path)
    {
        using var client = fixture.App.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        await using var stream = await client.GetStreamAsync("/openapi/v1.json", ct);
        var document = (await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings(), ct)).Document!;

        var item = document.Paths.FirstOrDefault(p => p.Key.TrimEnd('/') == path).Value;
        Assert.NotNull(item);
        Assert.All(item.Operations!.Values, o => Assert.False(string.IsNullOrWhiteSpace(o.Summary), $"{path} has no summary"));
    }
}
