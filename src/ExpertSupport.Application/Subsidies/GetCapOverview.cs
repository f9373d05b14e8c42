using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Subsidies;

public enum CapHolder
{
    Companies,
    Experts,
}

public enum CapSort
{
    Name,
    Used,
    Reserved,
    Left,
}

public sealed record CapRow(Guid Id, string Name, long Settled, long Reserved, long Left);

public sealed record CapOverview(
    Guid? RoundId, string? RoundName, long Cap, CapHolder Holder, CapSort Sort, bool Descending,
    IReadOnlyList<CapRow> Rows, int Total, int Page, int PageSize);

/// <summary>The office's view of every company's or expert's cap use in the active round, sortable and paged.</summary>
[OfficeOnly]
public sealed record GetCapOverviewQuery(CapHolder Holder, CapSort Sort, bool Descending, int Page) : IQuery<CapOverview>;

public sealed class GetCapOverviewHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<GetCapOverviewQuery, CapOverview>
{
    public const int PageSize = 50;

    public async ValueTask<CapOverview> Handle(GetCapOverviewQuery query, CancellationToken ct)
    {
        var page = Math.Max(1, query.Page);
        var round = await db.ActiveRoundAsync(clock, ct);
        if (round is null) return new CapOverview(null, null, 0, query.Holder, query.Sort, query.Descending, [], 0, page, PageSize);

        var cap = query.Holder == CapHolder.Companies ? round.CompanyCap : round.ExpertCap;
        var rows = query.Holder == CapHolder.Companies
            ? from c in db.Companies
              join b in db.CompanyCapBalances.Where(b => b.RoundId == round.Id) on c.Id equals b.CompanyId into bs
              from b in bs.DefaultIfEmpty()
              select new CapRowData { Id = c.Id, Name = c.Name, Settled = b == null ? 0 : b.Settled, Reserved = b == null ? 0 : b.Reserved }
            : from e in db.Experts
              join b in db.ExpertCapBalances.Where(b => b.RoundId == round.Id) on e.Id equals b.ExpertId into bs
              from b in bs.DefaultIfEmpty()
              select new CapRowData { Id = e.Id, Name = e.DisplayName, Settled = b == null ? 0 : b.Settled, Reserved = b == null ? 0 : b.Reserved };

        // "Left" sorts the opposite way of "used + reserved"; the id keeps pages stable among equal values.
        var ordered = (query.Sort, query.Descending) switch
        {
            (CapSort.Used, false) => rows.OrderBy(r => r.Settled).ThenBy(r => r.Id),
            (CapSort.Used, true) => rows.OrderByDescending(r => r.Settled).ThenBy(r => r.Id),
            (CapSort.Reserved, false) => rows.OrderBy(r => r.Reserved).ThenBy(r => r.Id),
            (CapSort.Reserved, true) => rows.OrderByDescending(r => r.Reserved).ThenBy(r => r.Id),
            (CapSort.Left, false) => rows.OrderByDescending(r => r.Settled + r.Reserved).ThenBy(r => r.Id),
            (CapSort.Left, true) => rows.OrderBy(r => r.Settled + r.Reserved).ThenBy(r => r.Id),
            (_, false) => rows.OrderBy(r => r.Name).ThenBy(r => r.Id),
            (_, true) => rows.OrderByDescending(r => r.Name).ThenBy(r => r.Id),
        };
        var total = await rows.CountAsync(ct);
        var pageRows = await ordered.Skip((page - 1) * PageSize).Take(PageSize).AsNoTracking().ToListAsync(ct);
        return new CapOverview(round.Id, round.Name, cap, query.Holder, query.Sort, query.Descending,
            [.. pageRows.Select(r => new CapRow(r.Id, r.Name, r.Settled, r.Reserved, Math.Max(0, cap - r.Settled - r.Reserved)))],
            total, page, PageSize);
    }

    /// <summary>A member-initialised shape, so EF can sort on its properties in SQL.</summary>
    private sealed class CapRowData
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public long Settled { get; init; }
        public long Reserved { get; init; }
    }
}
