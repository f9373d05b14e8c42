using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Subsidies;

/// <summary>A company's or an expert's own cap use in the active round, for their home page.</summary>
/// <param name="HasProfile">False while the signed-in user has no company or expert profile yet.</param>
/// <param name="RoundName">Null when no round is active today.</param>
public sealed record MyCapUse(bool HasProfile, string? RoundName, DateOnly? PeriodEnd, CapUse? Use);

[AnySignedIn]
public sealed record GetMyCapUseQuery : IQuery<MyCapUse>;

public sealed class GetMyCapUseHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, CapsLeftReader caps)
    : IQueryHandler<GetMyCapUseQuery, MyCapUse>
{
    public async ValueTask<MyCapUse> Handle(GetMyCapUseQuery query, CancellationToken ct)
    {
        var userId = user.RequiredId();
        Guid? companyId = null, expertId = null;
        if (user.IsInRole(Roles.Company))
            companyId = await db.Companies.Where(c => c.UserId == userId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        else if (user.IsInRole(Roles.Expert))
            expertId = await db.Experts.Where(e => e.UserId == userId).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct);
        if (companyId is null && expertId is null) return new MyCapUse(false, null, null, null);

        var round = await db.ActiveRoundAsync(clock, ct);
        if (round is null) return new MyCapUse(true, null, null, null);
        var use = companyId is { } c
            ? await caps.CompanyAsync(round.Id, c, ct)
            : await caps.ExpertAsync(round.Id, expertId!.Value, ct);
        return new MyCapUse(true, round.Name, round.PeriodEnd, use);
    }
}
