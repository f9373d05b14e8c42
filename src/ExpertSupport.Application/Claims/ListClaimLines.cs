using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>The lines of a batch, filtered and sorted for review, one page at a time (a batch may have a million).</summary>
[OfficeOnly]
public sealed record ListClaimLinesQuery(
    Guid BatchId, ClaimLineFilter Filter, ClaimLineSort Sort = ClaimLineSort.Session, bool Descending = false, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedResult<ClaimLineRow>?>;

public sealed class ListClaimLinesHandler(AppDbContext db) : IQueryHandler<ListClaimLinesQuery, PagedResult<ClaimLineRow>?>
{
    public async ValueTask<PagedResult<ClaimLineRow>?> Handle(ListClaimLinesQuery query, CancellationToken ct)
    {
        if (!await db.ClaimBatches.AnyAsync(b => b.Id == query.BatchId, ct)) return null;
        var f = query.Filter;
        var lines = db.ClaimLines.AsNoTracking().Where(l => l.BatchId == query.BatchId);
        if (f.Status is { } status) lines = lines.Where(l => l.Status == status);
        if (f.Prefecture is { } prefecture) lines = lines.Where(l => l.PrefectureCode == prefecture);
        if (f.MinSubsidy is { } min) lines = lines.Where(l => (long)l.Subsidy >= min.Value);
        if (f.MaxSubsidy is { } max) lines = lines.Where(l => (long)l.Subsidy <= max.Value);
        if (f.ExpertId is { } expertId) lines = lines.Where(l => l.ExpertId == expertId);
        if (f.CompanyId is { } companyId) lines = lines.Where(l => l.CompanyId == companyId);
        var withoutEvidence = ClaimEvidence.ReportsWithoutEvidence(db);
        if (f.Flag is { } flag)
            lines = flag == ClaimFlags.NoEvidence ? lines.Where(l => withoutEvidence.Contains(l.Id)) : lines.Where(l => (l.Flags & flag) != 0);
        if (f.FlaggedOnly) lines = lines.Where(l => l.Flags != ClaimFlags.None || withoutEvidence.Contains(l.Id));

        var rows = from l in lines
                   join e in db.Experts on l.ExpertId equals e.Id
                   join c in db.Companies on l.CompanyId equals c.Id
                   select new { l, ExpertName = e.DisplayName, CompanyName = c.Name, NoEvidence = withoutEvidence.Contains(l.Id) };
        if (TextSearch.ContainsPattern(f.Expert) is { } expert) rows = rows.Where(r => EF.Functions.ILike(r.ExpertName, expert));
        if (TextSearch.ContainsPattern(f.Company) is { } company) rows = rows.Where(r => EF.Functions.ILike(r.CompanyName, company));

        var d = query.Descending;
        // The session report id breaks ties, so pages never overlap.
        var ordered = query.Sort switch
        {
            ClaimLineSort.Expert => d ? rows.OrderByDescending(r => r.ExpertName) : rows.OrderBy(r => r.ExpertName),
            ClaimLineSort.Company => d ? rows.OrderByDescending(r => r.CompanyName) : rows.OrderBy(r => r.CompanyName),
            ClaimLineSort.Prefecture => d ? rows.OrderByDescending(r => r.l.PrefectureCode) : rows.OrderBy(r => r.l.PrefectureCode),
            ClaimLineSort.Subsidy => d ? rows.OrderByDescending(r => r.l.Subsidy) : rows.OrderBy(r => r.l.Subsidy),
            ClaimLineSort.Fee => d ? rows.OrderByDescending(r => r.l.Fee) : rows.OrderBy(r => r.l.Fee),
            ClaimLineSort.Worked => d ? rows.OrderByDescending(r => r.l.WorkedMinutes) : rows.OrderBy(r => r.l.WorkedMinutes),
            _ => d ? rows.OrderByDescending(r => r.l.SessionStart) : rows.OrderBy(r => r.l.SessionStart),
        };
        var page = await ordered.ThenBy(r => r.l.Id).ToPagedAsync(query.Page, query.PageSize, ct);
        return new PagedResult<ClaimLineRow>([.. page.Items.Select(r => Row(r.l, r.ExpertName, r.CompanyName, r.NoEvidence))], page.Total, page.Page, page.PageSize);
    }

    internal static ClaimLineRow Row(ClaimLine l, string expertName, string companyName, bool noEvidence) =>
        new(l.Id, l.ExpertId, expertName, l.CompanyId, companyName, l.PrefectureCode, l.SessionStart, l.SessionEnd, l.WorkedMinutes,
            l.Fee, l.Subsidy, l.CompanyShare, l.Flags | (noEvidence ? ClaimFlags.NoEvidence : ClaimFlags.None), l.Status, l.RejectionReason);
}
