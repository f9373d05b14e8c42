using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Rounds;

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
