using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Plans;

/// <summary>
/// Either party changes a draft or a sent-back plan. Both agreements start over; the reviser agrees to the new terms and
/// the other side is e-mailed to agree again.
/// </summary>
[AnySignedIn]
public sealed record RevisePlanCommand(
    Guid PlanId, string? Title, string? Goals, int? PlannedMinutes, string? HourlyFee, DateOnly? StartDate, DateOnly? EndDate)
    : ICommand<Result>, IPlanTermsInput;

public sealed class RevisePlanValidator : PlanTermsValidator<RevisePlanCommand>;

public sealed class RevisePlanHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, PlanEmails emails)
    : ICommandHandler<RevisePlanCommand, Result>
{
    public async ValueTask<Result> Handle(RevisePlanCommand cmd, CancellationToken ct)
    {
        var found = await db.ForPartyAsync(user, cmd.PlanId, ct);
        if (found.IsFailure) return found;
        var (plan, side) = found.Value;
        var round = await db.ProgrammeRounds.AsNoTracking().SingleAsync(r => r.Id == plan.RoundId, ct);

        var result = plan.Revise(round, side, cmd.ToTerms(), user.RequiredId(), clock.GetUtcNow());
        if (result.IsFailure) return result;
        await emails.ToOtherSideAsync(plan, side, "【ExpertSupport】支援計画の内容が変更されました",
            $"{PlanEmails.PartyName(side)}が支援計画の内容を変更しました。\n変更後の内容をご確認のうえ、改めて同意してください。", ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
