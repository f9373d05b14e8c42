using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Rounds;

[OfficeOnly]
public sealed record GetProgrammeRoundQuery(Guid Id) : IQuery<ProgrammeRoundView?>;

public sealed class GetProgrammeRoundHandler(AppDbContext db, TimeProvider clock)
    : IQueryHandler<GetProgrammeRoundQuery, ProgrammeRoundView?>
{
    public async ValueTask<ProgrammeRoundView?> Handle(GetProgrammeRoundQuery query, CancellationToken ct)
    {
        var round = await db.ProgrammeRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.Id, ct);
        return round is null ? null : new ProgrammeRoundView(round.Id, round.Contains(JapanTime.Today(clock)), round.Settings, round.UpdatedAt);
    }
}
