using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace ExpertSupport.Web.Localization;

/// <summary>
/// The API's language: Accept-Language alone (the page's switch, its cookie and ?culture= are for pages). The first
/// language the client accepts that we speak wins — en → English, ja → Japanese — and anything else, or no header,
/// is Japanese. The pages' own scripts send their page's language when they call the API.
/// </summary>
internal sealed class ApiCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api")) return NullProviderCultureResult;
        var wanted = httpContext.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => IsLanguage(l, "en") || IsLanguage(l, "ja"));
        var culture = wanted is not null && IsLanguage(wanted, "en") ? Cultures.English : Cultures.Japanese;
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture));
    }

    private static bool IsLanguage(string tag, string language) =>
        tag.Equals(language, StringComparison.OrdinalIgnoreCase) || tag.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase);
}
