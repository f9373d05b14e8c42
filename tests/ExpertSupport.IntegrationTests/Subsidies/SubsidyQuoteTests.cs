using System.Net;
using System.Text.Json;
using ExpertSupport.Testing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ExpertSupport.IntegrationTests.Subsidies;

/// <summary>The public cost simulator: the quote API and the page, without a login.</summary>
public sealed class SubsidyQuoteTests(SharedAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> QuoteAsync(string query)
    {
        using var client = fixture.App.CreateClient();
        var response = await client.GetAsync("/api/subsidy/quote?" + query, Ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return (response.StatusCode, json.RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_programme_example_is_quoted_without_a_login_in_camelCase()
    {
        var (status, q, _) = await QuoteAsync("hourlyRate=5000&minutes=60&companySubsidyUsed=0&expertSubsidyUsed=0");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            ["hourlyRate", "minutes", "billableMinutes", "fee", "subsidyBeforeCaps", "subsidy", "companyShare", "cappedBy", "companyCapLeftAfter", "expertCapLeftAfter"],
            q.EnumerateObject().Select(p => p.Name));
        Assert.Equal((5_000, 60, 60, 5_000, 3_500, 3_500, 1_500), (q.GetProperty("hourlyRate").GetInt64(), q.GetProperty("minutes").GetInt32(),
            q.GetProperty("billableMinutes").GetInt32(), q.GetProperty("fee").GetInt64(), q.GetProperty("subsidyBeforeCaps").GetInt64(),
            q.GetProperty("subsidy").GetInt64(), q.GetProperty("companyShare").GetInt64()));
        Assert.Equal("none", q.GetProperty("cappedBy").GetString());
        Assert.Equal((296_500, 1_496_500), (q.GetProperty("companyCapLeftAfter").GetInt64(), q.GetProperty("expertCapLeftAfter").GetInt64()));
    }

    [Fact]
    public async Task A_quote_is_for_one_session_of_at_most_a_day_the_40_hour_example_is_a_unit_test()
    {
        var (status, q, _) = await QuoteAsync("hourlyRate=3000&minutes=2400&companySubsidyUsed=0&expertSubsidyUsed=0");

        Assert.Equal(HttpStatusCode.BadRequest, status); // 2,400 minutes is more than one day's 1,440
        Assert.True(q.GetProperty("errors").TryGetProperty("minutes", out _));

        var (ok, day, _) = await QuoteAsync("hourlyRate=3000&minutes=1440&companySubsidyUsed=0&expertSubsidyUsed=0");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal((60_000, 12_000), (day.GetProperty("subsidy").GetInt64(), day.GetProperty("companyShare").GetInt64()));
    }

    [Theory]
    [InlineData("companySubsidyUsed=299000&expertSubsidyUsed=0", 1_000, "company", 0, 1_499_000)]
    [InlineData("companySubsidyUsed=0&expertSubsidyUsed=1499999", 1, "expert", 299_999, 0)]
    [InlineData("companySubsidyUsed=300000&expertSubsidyUsed=1500000", 0, "company", 0, 0)]
    [InlineData("companySubsidyUsed=296500&expertSubsidyUsed=0", 3_500, "none", 0, 1_496_500)]
    public async Task The_caps_left_cut_the_subsidy_and_the_answer_says_which(string used, long subsidy, string cappedBy, long companyLeft, long expertLeft)
    {
        var (status, q, _) = await QuoteAsync("hourlyRate=5000&minutes=60&" + used);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((subsidy, 5_000 - subsidy, cappedBy), (q.GetProperty("subsidy").GetInt64(), q.GetProperty("companyShare").GetInt64(), q.GetProperty("cappedBy").GetString()));
        Assert.Equal((companyLeft, expertLeft), (q.GetProperty("companyCapLeftAfter").GetInt64(), q.GetProperty("expertCapLeftAfter").GetInt64()));
    }

    [Fact]
    public async Task Full_width_digits_and_thousands_separators_are_accepted()
    {
        var (status, q, _) = await QuoteAsync($"hourlyRate={Uri.EscapeDataString("５，０００")}&minutes={Uri.EscapeDataString("５９")}&companySubsidyUsed=０&expertSubsidyUsed=0");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((30, 1_750), (q.GetProperty("billableMinutes").GetInt32(), q.GetProperty("subsidy").GetInt64()));
    }

    [Theory]
    [InlineData("hourlyRate=abc&minutes=60&companySubsidyUsed=0&expertSubsidyUsed=0", "hourlyRate")]
    [InlineData("minutes=60&companySubsidyUsed=0&expertSubsidyUsed=0", "hourlyRate")]
    [InlineData("hourlyRate=&minutes=60&companySubsidyUsed=0&expertSubsidyUsed=0", "hourlyRate")]
    [InlineData("hourlyRate=499&minutes=60&companySubsidyUsed=0&expertSubsidyUsed=0", "hourlyRate")]
    [InlineData("hourlyRate=1000001&minutes=60&companySubsidyUsed=0&expertSubsidyUsed=0", "hourlyRate")]
    [InlineData("hourlyRate=99999999999999999999999&minutes=60&companySubsidyUsed=0&expertSubsidyUsed=0", "hourlyRate")]
    [InlineData("hourlyRate=5000&minutes=0&companySubsidyUsed=0&expertSubsidyUsed=0", "minutes")]
    [InlineData("hourlyRate=5000&minutes=1441&companySubsidyUsed=0&expertSubsidyUsed=0", "minutes")]
    [InlineData("hourlyRate=5000&minutes=1.5&companySubsidyUsed=0&expertSubsidyUsed=0", "minutes")]
    [InlineData("hourlyRate=5000&companySubsidyUsed=0&expertSubsidyUsed=0", "minutes")]
    [InlineData("hourlyRate=5000&minutes=60&companySubsidyUsed=-1&expertSubsidyUsed=0", "companySubsidyUsed")]
    [InlineData("hourlyRate=5000&minutes=60&companySubsidyUsed=300001&expertSubsidyUsed=0", "companySubsidyUsed")]
    [InlineData("hourlyRate=5000&minutes=60&expertSubsidyUsed=0", "companySubsidyUsed")]
    [InlineData("hourlyRate=5000&minutes=60&companySubsidyUsed=0&expertSubsidyUsed=1500001", "expertSubsidyUsed")]
    [InlineData("hourlyRate=5000&minutes=60&companySubsidyUsed=0&expertSubsidyUsed=x", "expertSubsidyUsed")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string query, string field)
    {
        var (status, problem, mediaType) = await QuoteAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors: {errors}");
        Assert.NotEmpty(messages.EnumerateArray().First().GetString()!);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_quote_endpoint()
    {
        using var client = fixture.App.CreateClient();
        await using var stream = await client.GetStreamAsync("/openapi/v1.json", Ct);
        var read = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings(), Ct);

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var operation = read.Document!.Paths["/api/subsidy/quote"].Operations![HttpMethod.Get];
        Assert.Equal(["hourlyRate", "minutes", "companySubsidyUsed", "expertSubsidyUsed"], operation.Parameters!.Select(p => p.Name));
        Assert.All(operation.Parameters!, p => Assert.Equal(JsonSchemaType.Integer, p.Schema!.Type));
        Assert.All(operation.Parameters!, p => Assert.True(p.Required));
        Assert.Contains("200", operation.Responses!.Keys);
        Assert.Contains("400", operation.Responses!.Keys);
        var schema = operation.Responses["200"].Content!["application/json"].Schema!;
        var properties = (schema.Properties ?? read.Document.Components!.Schemas![((OpenApiSchemaReference)schema).Reference.Id!].Properties)!;
        Assert.Contains("cappedBy", properties.Keys);
        Assert.Contains("companyCapLeftAfter", properties.Keys);
    }

    [Fact]
    public async Task The_simulator_page_works_without_a_login_or_JavaScript()
    {
        using var client = fixture.App.CreateClient(new() { AllowAutoRedirect = false });

        var first = await client.GetAsync("/Public/Simulator", Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await first.Content.ReadAsStringAsync(Ct);
        Assert.Contains("1時間あたり5,000円の専門家に1時間相談すると、国が3,500円、御社が1,500円を負担します。", html);
        Assert.Contains("class=\"split-bar\"", html);
        Assert.Contains("<form id=\"simulator-form\" method=\"get\"", html);

        var asked = await client.GetStringAsync("/Public/Simulator?hourlyRate=3000&minutes=600&companySubsidyUsed=0&expertSubsidyUsed=0", Ct);
        Assert.Contains("1時間あたり3,000円の専門家に10時間相談すると、国が25,000円、御社が5,000円を負担します。", asked);
    }

    [Fact]
    public async Task The_simulator_page_shows_an_error_beside_the_field_and_explains_a_cut()
    {
        using var client = fixture.App.CreateClient();

        var invalid = await client.GetStringAsync("/Public/Simulator?hourlyRate=abc&minutes=60&companySubsidyUsed=0&expertSubsidyUsed=0", Ct);
        Assert.Contains("data-error-for=\"hourlyRate\">時間単価は数字で入力してください。</span>", invalid);
        Assert.Contains("aria-invalid=\"true\"", invalid);

        var capped = await client.GetStringAsync("/Public/Simulator?hourlyRate=5000&minutes=59&companySubsidyUsed=299000&expertSubsidyUsed=0", Ct);
        Assert.Contains("御社の補助の上限に達するため、国の負担が750円少なくなり", capped);
        Assert.Contains("時間は30分単位で切り捨てる", capped);
    }

    [Fact]
    public async Task The_simulator_speaks_English_when_asked_and_every_page_links_to_it()
    {
        using var client = fixture.App.CreateClient();

        var english = await client.GetStringAsync("/Public/Simulator?culture=en&ui-culture=en&hourlyRate=5000&minutes=60&companySubsidyUsed=0&expertSubsidyUsed=0", Ct);
        Assert.Contains("If you consult an expert charging ¥5,000 an hour for 1 h, the state pays ¥3,500 and your company pays ¥1,500.", english);

        var home = await client.GetStringAsync("/", Ct);
        Assert.Contains("href=\"/Public/Simulator\"", home);
    }
}
