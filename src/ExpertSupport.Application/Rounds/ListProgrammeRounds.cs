using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Rounds;

/// <summary>A round as the office sees it: its settings and whether it is the active one today (Asia/Tokyo).</summary>
public sealed record ProgrammeRoundView(Guid Id, bool IsActive, ProgrammeRoundSettings Settings, DateTimeOffset UpdatedAt);

public sealed record ListProgrammeRoundsQuery : IQuery<IReadOnlyList<ProgrammeRoundView>>;

public sealed class ListProgrammeRoundsHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListProgrammeRoundsQuery, IReadOnlyList<ProgrammeRoundView>>
{
    public async ValueTask<IReadOnlyList<ProgrammeRoundView>> Handle(ListProgrammeRoundsQuery query, CancellationToken ct)
    {
        if (!user.IsOffice()) throw new UnauthorizedAccessException();
        var today = JapanTime.Today(clock);
        var rounds = await db.ProgrammeRounds.AsNoTracking().OrderByDescending(r => r.PeriodStart).ToListAsync(ct);
        return [.. rounds.Select(r => new ProgrammeRoundView(r.Id, r.Contains(today), r.Settings, r.UpdatedAt))];
    }
}

public sealed record GetProgrammeRoundQuery(Guid Id) : IQuery<ProgrammeRoundView?>;

public sealed class GetProgrammeRoundHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetProgrammeRoundQuery, ProgrammeRoundView?>
{
    public async ValueTask<ProgrammeRoundView?> Handle(GetProgrammeRoundQuery query, CancellationToken ct)
    {
        if (!user.IsOffice()) throw new UnauthorizedAccessException();
        var round = await db.ProgrammeRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.Id, ct);
        return round is null ? null : new ProgrammeRoundView(round.Id, round.Contains(JapanTime.Today(clock)), round.Settings, round.UpdatedAt);
    }
}

/// <summary>What a new round's form starts with: the default settings for the fiscal year after the latest round.</summary>
public sealed record GetNewRoundDefaultsQuery : IQuery<ProgrammeRoundSettings>;

public sealed class GetNewRoundDefaultsHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<GetNewRoundDefaultsQuery, ProgrammeRoundSettings>
{
    public async ValueTask<ProgrammeRoundSettings> Handle(GetNewRoundDefaultsQuery query, CancellationToken ct)
    {
        var latestEnd = await db.ProgrammeRounds.AsNoTracking().MaxAsync(r => (DateOnly?)r.PeriodEnd, ct);
        var today = JapanTime.Today(clock);
        return ProgrammeRoundSettings.DefaultFor(latestEnd is { } end && end >= today ? end.AddDays(1) : today);
    }
}
