using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Rounds;

/// <summary>A round as the office sees it: its settings and whether it is the active one today (Asia/Tokyo).</summary>
public sealed record ProgrammeRoundView(Guid Id, bool IsActive, ProgrammeRoundSettings Settings, DateTimeOffset UpdatedAt);

[OfficeOnly]
public sealed record ListProgrammeRoundsQuery : IQuery<IReadOnlyList<ProgrammeRoundView>>;

public sealed class ListProgrammeRoundsHandler(AppDbContext db, TimeProvider clock)
    : IQueryHandler<ListProgrammeRoundsQuery, IReadOnlyList<ProgrammeRoundView>>
{
    public async ValueTask<IReadOnlyList<ProgrammeRoundView>> Handle(ListProgrammeRoundsQuery query, CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        var rounds = await db.ProgrammeRounds.AsNoTracking().OrderByDescending(r => r.PeriodStart).ToListAsync(ct);
        return [.. rounds.Select(r => new ProgrammeRoundView(r.Id, r.Contains(today), r.Settings, r.UpdatedAt))];
    }
}
