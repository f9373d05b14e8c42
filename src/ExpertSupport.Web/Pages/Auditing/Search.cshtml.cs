using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Web.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Auditing;

/// <summary>
/// The office's search of the audit trail (who changed what, when, from → to, why): filters in the query string, newest
/// first, 50 a page, each row linked to the entity's office page; the same filter downloads as CSV through the API.
/// </summary>
public sealed class SearchModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;

    public PagedResult<AuditSearchRow> Result { get; private set; } = null!;

    public string ExportUrl => "/api/office/audit/export.csv" + Request.QueryString;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Guid? entityId = null;
        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            // A malformed id finds nothing rather than everything.
            entityId = Guid.TryParse(EntityId.Trim(), out var id) ? id : Guid.Empty;
            if (entityId == Guid.Empty) ModelState.AddModelError(nameof(EntityId), l["IDの形式が正しくありません。"]);
        }
        var filter = new AuditFilter(EntityType, entityId, Actor, From, To, Text);
        Result = await sender.Send(new SearchAuditQuery(filter, PageNumber), ct);
    }
}
