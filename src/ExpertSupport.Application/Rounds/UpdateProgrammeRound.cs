using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Rounds;

/// <summary>The office changes a round's settings; every change is audited with its old and new values.</summary>
[OfficeOnly]
public sealed record UpdateProgrammeRoundCommand(Guid Id, ProgrammeRoundSettings Settings) : ICommand<Result>;

public sealed class UpdateProgrammeRoundValidator : AbstractValidator<UpdateProgrammeRoundCommand>
{
    public UpdateProgrammeRoundValidator() => RuleFor(c => c.Settings).Custom(RoundSettingsRules.Check);
}

public sealed class UpdateProgrammeRoundHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ClaimBatchSchedule claimSchedule)
    : ICommandHandler<UpdateProgrammeRoundCommand, Result>
{
    public async ValueTask<Result> Handle(UpdateProgrammeRoundCommand cmd, CancellationToken ct)
    {
        // FOR UPDATE: reservations hold the round FOR SHARE, so the caps cannot change under a reservation in flight.
        var round = (await db.ProgrammeRounds.FromSql($"SELECT *, xmin FROM programme_rounds WHERE id = {cmd.Id} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
        if (round is null) return RoundErrors.NotFound;
        if (await RoundSettingsRules.OverlapAsync(db, cmd.Settings, cmd.Id, ct) is { } overlap) return overlap;

        var companyMax = new Yen(await db.CompanyCapBalances.Where(b => b.RoundId == cmd.Id).MaxAsync(b => (long?)((long)b.Reserved + (long)b.Settled), ct) ?? 0);
        if (cmd.Settings.CompanyCap < companyMax) return RoundErrors.CompanyCapBelowUse(companyMax);
        var expertMax = new Yen(await db.ExpertCapBalances.Where(b => b.RoundId == cmd.Id).MaxAsync(b => (long?)((long)b.Reserved + (long)b.Settled), ct) ?? 0);
        if (cmd.Settings.ExpertCap < expertMax) return RoundErrors.ExpertCapBelowUse(expertMax);

        var result = round.Update(cmd.Settings, user.RequiredId(), clock.GetUtcNow());
        if (result.IsFailure) return result;
        await db.SaveChangesAsync(ct);
        // The claim batch job runs on the active round's cron, which may just have changed.
        await claimSchedule.RefreshAsync(ct);
        return Result.Success;
    }
}
