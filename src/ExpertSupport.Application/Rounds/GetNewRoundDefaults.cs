using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Rounds;

/// <summary>What a new round's form starts with: the default settings for the fiscal year after the latest round.</summary>
[OfficeOnly]
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
