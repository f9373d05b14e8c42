using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Domain.Common;
using ExpertSupport.Application.Files;
using ExpertSupport.Application.Companies;
using ExpertSupport.Web.Auth;
using ExpertSupport.Web.Pages.Auditing;
using Mediator;

namespace ExpertSupport.Web.Api;

/// <summary>The office's search of the audit trail, as JSON pages and as a CSV download.</summary>
internal static class AuditEndpoints
{
    public sealed record AuditParameters(string? EntityType, Guid? EntityId, string? Actor, DateOnly? From, DateOnly? To, string? Text, int? Page, int? PageSize)
    {
        public AuditFilter Filter => new(EntityType, EntityId, Actor, From, To, Text);
    }

    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/office/audit").ForRole(Policies.Office).WithTags("Office: audit trail");
        audit.MapGet("/", async ([AsParameters] AuditParameters p, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SearchAuditQuery(p.Filter, p.Page ?? 1, p.PageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("SearchAudit")
            .WithSummary("監査履歴の検索（新しい順・ページ送り） / Search the audit trail, newest first, paged")
            .WithDescription("entityType: Company | Expert | SupportPlan | Booking | SessionReport | ClaimBatch | ClaimLine | Claim など、entityId、" +
                "actor: 操作した人の名前かメールの一部、from / to: 日本時間の日付（両端を含む）、text: 理由や状態の一部。");
        audit.MapGet("/export.csv", ([AsParameters] AuditParameters p, ISender sender, TimeProvider clock, CancellationToken ct) =>
                StreamedDownload.StartAsync(sender.CreateStream(new ExportAuditQuery(p.Filter), ct), (stream, rows, c) => AuditCsv.WriteAsync(stream, rows, AuditLabels.Japanese, c),
                    CsvWriter.ContentType, $"audit-{JapanTime.Today(clock):yyyy-MM-dd}.csv", ct))
            .WithName("ExportAudit")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("検索結果をCSVで出力（UTF-8 BOM付き） / The filtered audit trail as CSV");
    }
}
