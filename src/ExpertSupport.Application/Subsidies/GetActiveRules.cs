using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Subsidies;
using Mediator;

namespace ExpertSupport.Application.Subsidies;

/// <summary>
/// The split rules of the active round, for texts that quote them (the home page, the expert's fee help): the figures
/// come from the round the office set, never from the page. Null when no round is active. Anyone may ask.
/// </summary>
[Anyone]
public sealed record GetActiveRulesQuery : IQuery<SubsidyRules?>;

public sealed class GetActiveRulesHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<GetActiveRulesQuery, SubsidyRules?>
{
    public async ValueTask<SubsidyRules?> Handle(GetActiveRulesQuery query, CancellationToken ct) =>
        (await db.ActiveRoundAsync(clock, ct))?.Rules;
}
