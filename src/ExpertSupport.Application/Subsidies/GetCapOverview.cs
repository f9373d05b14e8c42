using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
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

public sealed record CapRow(Guid Id, string Name, Yen Settled, Yen Reserved, Yen Left);

public sealed record CapOverview(
    Guid? RoundId, string? RoundName, Yen Cap, CapHolder Holder, CapSort Sort, bool Descending,
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
        if (round is null) return new CapOverview(null, null, Yen.Zero, query.Holder, query.Sort, query.Descending, [], 0, page, PageSize);

        var cap = query.Holder == CapHolder.Companies ? round.CompanyCap : round.ExpertCap;
        var holder = query.Holder == CapHolder.Companies ? CapLeftRow.CompanyHolder : CapLeftRow.ExpertHolder;
        var caps = db.CapsLeft.Where(c => c.RoundId == round.Id && c.Holder == holder);
        var rows = query.Holder == CapHolder.Companies
            ? from l in caps
              join c in db.Companies on l.HolderId equals c.Id
              select new CapRowData { Id = c.Id, Name = c.Name, Settled = l.Settled, Reserved = l.Reserved, Left = l.Left }
            : from l in caps
              join e in db.Experts on l.HolderId equals e.Id
              select new CapRowData { Id = e.Id, Name = e.DisplayName, Settled = l.Settled, Reserved = l.Reserved, Left = l.Left };

        // The id keeps pages stable among equal values.
        var ordered = (query.Sort, query.Descending) switch
        {
            (CapSort.Used, false) => rows.OrderBy(r => r.Settled).ThenBy(r => r.Id),
            (CapSort.Used, true) => rows.OrderByDescending(r => r.Settled).ThenBy(r => r.Id),
            (CapSort.Reserved, false) => rows.OrderBy(r => r.Reserved).ThenBy(r => r.Id),
            (CapSort.Reserved, true) => rows.OrderByDescending(r => r.Reserved).ThenBy(r => r.Id),
            (CapSort.Left, false) => rows.OrderBy(r => r.Left).ThenBy(r => r.Id),
            (CapSort.Left, true) => rows.OrderByDescending(r => r.Left).ThenBy(r => r.Id),
            (_, false) => rows.OrderBy(r => r.Name).ThenBy(r => r.Id),
            (_, true) => rows.OrderByDescending(r => r.Name).ThenBy(r => r.Id),
        };
        var total = await rows.CountAsync(ct);
        var pageRows = await ordered.Skip((page - 1) * PageSize).Take(PageSize).AsNoTracking().ToListAsync(ct);
        return new CapOverview(round.Id, round.Name, cap, query.Holder, query.Sort, query.Descending,
            [.. pageRows.Select(r => new CapRow(r.Id, r.Name, r.Settled, r.Reserved, r.Left))],
            total, page, PageSize);
    }

    /// <summary>A member-initialised shape, so EF can sort on its properties in SQL.</summary>
    private sealed class CapRowData
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public Yen Settled { get; init; }
        public Yen Reserved { get; init; }
        public Yen Left { get; init; }
    }
}
