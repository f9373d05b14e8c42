using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using ExpertSupport.IntegrationTests.Plans;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ExpertSupport.IntegrationTests.Foundation;

/// <summary>
/// Errors speak the reader's language: the API by Accept-Language (English for en, Japanese for ja or none), the pages
/// by the language switch — the use cases' refusals, the validators' and the framework's own messages alike.
/// </summary>
public sealed partial class ErrorLanguageTests(PlansFixture fixture) : IClassFixture<PlansFixture>
{
    private TestApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "Please enter an e-mail address.", "Please enter your name.")]
    [InlineData("en-GB,en;q=0.9,ja;q=0.5", "Please enter an e-mail address.", "Please enter your name.")]
    [InlineData("fr-FR, en;q=0.8", "Please enter an e-mail address.", "Please enter your name.")]
    [InlineData("ja", "メールアドレスを入力してください。", "お名前を入力してください。")]
    [InlineData("ja-JP,en;q=0.5", "メールアドレスを入力してください。", "お名前を入力してください。")]
    [InlineData("fr", "メールアドレスを入力してください。", "お名前を入力してください。")]
    [InlineData(null, "メールアドレスを入力してください。", "お名前を入力してください。")]
    public async Task An_API_400_has_its_title_and_field_messages_in_the_language_the_client_accepts(string? language, string title, string nameMessage)
    {
        using var client = App.CreateClient();
        var response = await client.SendAsync(Json(HttpMethod.Post, "/api/auth/register", new { email = "", password = "", displayName = "", role = "Company" }, language), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("account.email_required", problem.RootElement.GetProperty("code").GetString());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(nameMessage, errors.GetProperty("displayName")[0].GetString());
        var english = language?.StartsWith("en", StringComparison.Ordinal) == true || language?.StartsWith("fr-FR", StringComparison.Ordinal) == true;
        foreach (var field in errors.EnumerateObject())
            foreach (var message in field.Value.EnumerateArray())
                Assert.Equal(english, !HasJapanese(message.GetString()!));
    }

    [Fact]
    public async Task A_refusal_with_arguments_and_the_HTTP_layer_s_own_answers_are_in_English_too()
    {
        var email = $"twice-{Guid.NewGuid():N}@example.jp";
        var body = new { email, password = "Valid-pass-123", displayName = "Twice", role = "Company" };
        using var client = App.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Json(HttpMethod.Post, "/api/auth/register", body, "en"), Ct)).StatusCode);

        var again = await client.SendAsync(Json(HttpMethod.Post, "/api/auth/register", body, "en"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal($"The e-mail address {email} is already registered.", await TitleAsync(again));

        using var notLoggedIn = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        notLoggedIn.Headers.AcceptLanguage.ParseAdd("en");
        var unauthorized = await client.SendAsync(notLoggedIn, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("Please log in.", await TitleAsync(unauthorized));

        var malformed = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register") { Content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json") };
        malformed.Headers.AcceptLanguage.ParseAdd("en");
        Assert.Equal("The request body (JSON) cannot be read.", await TitleAsync(await client.SendAsync(malformed, Ct)));
        var wrongPassword = await client.SendAsync(Json(HttpMethod.Post, "/api/auth/login", new { email, password = "Wrong-pass-999" }, "en"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal("The e-mail address or password is not correct.", await TitleAsync(wrongPassword));
        using var japanese = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        Assert.Equal("ログインが必要です。", await TitleAsync(await client.SendAsync(japanese, Ct)));
    }

    [Fact]
    public async Task Why_a_plan_cannot_be_booked_is_said_in_the_reader_s_language_by_the_API_and_by_the_page()
    {
        var (company, _) = await App.CompanyAsync();
        var (expert, expertId) = await App.ExpertAsync();
        var office = await App.CreateUserAsync(Roles.Office);
        var draft = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Draft);

        using var api = await App.ApiClientAsync(company);
        using var inEnglish = new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/slots?planId={draft}");
        inEnglish.Headers.AcceptLanguage.ParseAdd("en");
        using var englishSlots = JsonDocument.Parse(await (await api.SendAsync(inEnglish, Ct)).Content.ReadAsStringAsync(Ct));
        Assert.StartsWith("This support plan is not approved by the office", englishSlots.RootElement.GetProperty("unavailable").GetString());
        using var japaneseSlots = JsonDocument.Parse(await api.GetStringAsync($"/api/bookings/slots?planId={draft}", Ct));
        Assert.StartsWith("事務局に承認された支援計画ではない", japaneseSlots.RootElement.GetProperty("unavailable").GetString());

        using var page = await App.PageClientAsync(company);
        Assert.Contains("事務局に承認された支援計画ではない", await page.GetStringAsync($"/Company/Bookings/New?planId={draft}", Ct));
        await SwitchToEnglishAsync(page);
        var english = await page.GetStringAsync($"/Company/Bookings/New?planId={draft}", Ct);
        Assert.Contains("This support plan is not approved by the office, so it cannot be booked.", english);
        Assert.DoesNotContain("事務局に承認された支援計画ではない", english);
    }

    [Fact]
    public async Task The_sign_up_form_in_English_shows_English_errors_and_no_framework_English_in_Japanese()
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Role"] = "Company", ["Input.DisplayName"] = "", ["Input.Email"] = "", ["Input.Password"] = "", ["Input.ConfirmPassword"] = "",
        };
        using var japanese = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var inJapanese = await (await japanese.PostFormAsync("/Account/Register", new(form))).Content.ReadAsStringAsync(Ct);
        Assert.Contains("お名前を入力してください。", inJapanese);
        Assert.DoesNotContain("field is required", inJapanese);

        using var english = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SwitchToEnglishAsync(english);
        var html = await (await english.PostFormAsync("/Account/Register", new(form))).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Please enter your name.", html);
        Assert.Contains("Please enter an e-mail address.", html);
        Assert.Contains("Please enter a password.", html);
        Assert.DoesNotContain("field is required", html);
        Assert.DoesNotContain("お名前を入力してください", html);
        Assert.DoesNotContain(FieldErrors().Matches(html).Select(m => m.Groups[1].Value), HasJapanese);
    }

    private static async Task SwitchToEnglishAsync(HttpClient client) =>
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/culture?culture=en&returnUrl=/", Ct)).StatusCode);

    private static HttpRequestMessage Json(HttpMethod method, string url, object body, string? language)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (language is not null) request.Headers.TryAddWithoutValidation("Accept-Language", language);
        return request;
    }

    private static async Task<string?> TitleAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return problem.RootElement.GetProperty("title").GetString();
    }

    private static bool HasJapanese(string text) => JapaneseText().IsMatch(text);

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex JapaneseText();

    [GeneratedRegex("<span class=\"field-error[^\"]*\"[^>]*>([^<]+)</span>")]
    private static partial Regex FieldErrors();
}
