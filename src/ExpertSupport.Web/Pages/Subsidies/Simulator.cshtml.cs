using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ExpertSupport.Web.Pages.Subsidies;

/// <summary>
/// The public cost simulator: a GET form (it works without JavaScript and its URL can be shared), answered by
/// the same query as GET /api/subsidy/quote. simulator.js refreshes the answer while the visitor types.
/// </summary>
[EnableRateLimiting(Startup.RateLimits.Public)]
public sealed class SimulatorModel(ISender sender) : PageModel
{
    public static readonly string[] Fields = ["hourlyRate", "minutes", "companySubsidyUsed", "expertSubsidyUsed"];

    [BindProperty(SupportsGet = true, Name = "hourlyRate")] public string? HourlyRate { get; set; }
    [BindProperty(SupportsGet = true, Name = "minutes")] public string? Minutes { get; set; }
    [BindProperty(SupportsGet = true, Name = "companySubsidyUsed")] public string? CompanySubsidyUsed { get; set; }
    [BindProperty(SupportsGet = true, Name = "expertSubsidyUsed")] public string? ExpertSubsidyUsed { get; set; }

    public SubsidyQuoteAnswer? Answer { get; private set; }
    public string? NoRound { get; private set; }
    public Dictionary<string, string> FieldErrors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Fields.Any(Request.Query.ContainsKey))
        {
            // A first visit shows the programme's own example: one hour with a ¥5,000 expert.
            (HourlyRate, Minutes, CompanySubsidyUsed, ExpertSubsidyUsed) = ("5000", "60", "0", "0");
        }
        var result = await sender.Send(new GetSubsidyQuoteQuery(HourlyRate, Minutes, CompanySubsidyUsed, ExpertSubsidyUsed), ct);
        if (result.IsSuccess)
        {
            Answer = result.Value;
            return;
        }
        foreach (var error in result.Errors)
        {
            if (error.Field is null) NoRound = error.Message;
            else FieldErrors.TryAdd(error.Field, error.Message);
        }
        ModelState.AddErrors(result, field => field);
    }

    public string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);

    /// <summary>5,000円 in Japanese sentences, ¥5,000 in English ones.</summary>
    public static string Money(Yen yen) => Cultures.IsEnglish ? Fmt.Yen(yen) : yen.ToNumberString() + "円";
}
