using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ExpertSupport.Testing;

/// <summary>Helpers for driving the Razor pages over HTTP: log in through the real form, post forms with their antiforgery token.</summary>
public static partial class PageClients
{
    /// <summary>A cookie-carrying client that has logged in through /Account/Login like a person would.</summary>
    public static async Task<HttpClient> PageClientAsync(this TestApp app, TestUser user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostFormAsync("/Account/Login", new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = TestUser.Password,
        });
        if ((int)response.StatusCode != 302)
            throw new InvalidOperationException($"Login as {user.Email} failed: {(int)response.StatusCode}");
        if (response.Headers.Location?.OriginalString.StartsWith("/Account/LoginWith2fa", StringComparison.Ordinal) == true)
        {
            response = await client.PostFormAsync(response.Headers.Location.OriginalString, new() { ["Code"] = TestApp.CodeFor(user) ?? "" });
            if ((int)response.StatusCode != 302)
                throw new InvalidOperationException($"The second step of {user.Email}'s login failed: {(int)response.StatusCode}");
        }
        return client;
    }

    /// <summary>GETs the page for its antiforgery token, then POSTs the form to it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {url}");
        fields["__RequestVerificationToken"] = token.Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>GETs the page for its antiforgery token, then POSTs the multipart form (with files) to it.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string url, MultipartFormDataContent form)
    {
        var page = await client.GetStringAsync(url);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {url}");
        form.Add(new StringContent(token.Groups[1].Value), "__RequestVerificationToken");
        return await client.PostAsync(url, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
