using System.Net;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Boundary;

/// <summary>The pages meet the same input rules: a form shows the refusal beside its field, a link gets the friendly 400 page.</summary>
public sealed class PageBoundaryTests(SharedAppFixture fixture)
{
    [Fact]
    public async Task A_form_posted_with_a_NUL_character_comes_back_with_the_error_beside_the_field()
    {
        var ct = TestContext.Current.CancellationToken;
        var user = await fixture.App.CreateUserAsync(Roles.Company);
        using var client = await fixture.App.PageClientAsync(user);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("株式会社\0テスト"), "Input.Name" },
            { new StringContent("東京都千代田区1-1"), "Input.Address" },
        };

        var response = await client.PostMultipartAsync("/Company/Profile", form);

        var html = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("使えない文字", html);
        Assert.Contains("form-errors", html);
        // This user's company only: the host is shared, and other classes register companies of their own.
        Assert.Null(await fixture.App.Db(db => db.Companies.FirstOrDefaultAsync(c => c.UserId == user.Id, ct)));
    }

    [Fact]
    public async Task A_url_encoded_form_with_a_NUL_character_is_refused_by_the_form_reader_with_the_friendly_400_page()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await fixture.App.PageClientAsync(await fixture.App.CreateUserAsync(Roles.Company));

        var response = await client.PostFormAsync("/Company/Profile", new() { ["Input.Name"] = "株式会社\0テスト" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("リクエストを処理できませんでした", await response.Content.ReadAsStringAsync(ct));
    }

    [Theory]
    [InlineData("/Office/Audit?Text=a%00b")]
    [InlineData("/Office/Audit?From=0001-01-01")]
    [InlineData("/Office/Companies?Q=%00")]
    public async Task A_link_with_a_value_outside_the_input_rules_gets_the_friendly_400_page(string url)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await fixture.App.PageClientAsync(await fixture.App.CreateUserAsync(Roles.Office));

        var response = await client.GetAsync(url, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(ct);
        Assert.Contains("リクエストを処理できませんでした", html);
        Assert.DoesNotContain("エラーが発生しました", html);
    }

    [Theory]
    [InlineData("/a%00b")]
    [InlineData("/a%0d%0aSet-Cookie:%20x=1")]
    [InlineData("/%5cevil.example")]
    public async Task The_language_switch_returns_only_to_a_path_of_this_site(string returnUrl)
    {
        using var client = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/culture?culture=en&returnUrl={returnUrl}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
