using ExpertSupport.Application.Common;
using ExpertSupport.Application.Documents;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Documents;
using ExpertSupport.Web.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Documents;

/// <summary>
/// Issued invoices and payment notices (電子帳簿保存法の検索要件): by transaction date range, amount range and counterparty,
/// combined; the office sees all, a company and an expert their own. The same filter downloads as CSV through the API.
/// </summary>
public sealed class ListModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? MinTotal { get; set; }
    [BindProperty(SupportsGet = true)] public string? MaxTotal { get; set; }
    [BindProperty(SupportsGet = true)] public string? Counterparty { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;

    public PagedResult<DocumentRow> Result { get; private set; } = null!;

    public string ExportUrl { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var min = Amount(MinTotal, nameof(MinTotal));
        var max = Amount(MaxTotal, nameof(MaxTotal));
        var filter = new DocumentFilter(From, To, min, max, Counterparty, Kind);
        Result = await sender.Send(new SearchDocumentsQuery(filter, PageNumber), ct);
        var query = new List<string>();
        if (From is { } f) query.Add($"from={f:yyyy-MM-dd}");
        if (To is { } t) query.Add($"to={t:yyyy-MM-dd}");
        if (min is { } a) query.Add($"minTotal={a.Value}");
        if (max is { } b) query.Add($"maxTotal={b.Value}");
        if (!string.IsNullOrWhiteSpace(Counterparty)) query.Add($"counterparty={Uri.EscapeDataString(Counterparty)}");
        if (Kind is { } k) query.Add($"kind={k}");
        ExportUrl = "/api/documents/export.csv" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }

    /// <summary>An amount as people type it (１２，０００, ¥12,000, 12000円); a non-number finds nothing rather than everything.</summary>
    private Yen? Amount(string? typed, string field)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (TypedNumber.TryParse(typed, out var value, "円") && value >= 0) return new Yen(value);
        ModelState.AddModelError(field, l["金額は0以上の整数で入力してください。"]);
        return new Yen(-1);
    }
}
