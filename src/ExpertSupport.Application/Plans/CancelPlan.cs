using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Plans;

/// <summary>
/// A party (or the office) cancels a plan that is not finished, with a reason. Nothing is deleted: the plan stays with
/// its history, and no new session can be booked under it. The other side (both parties, when the office cancels) is e-mailed.
/// </summary>
[AnySignedIn]
public sealed record CancelPlanCommand(Guid PlanId, string? Reason) : ICommand<Result>;

public sealed class CancelPlanValidator : AbstractValidator<CancelPlanCommand>
{
    public CancelPlanValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithError(new("plan.cancel_reason_required")).MaximumLength(2000);
}

public sealed class CancelPlanHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, PlanEmails emails)
    : ICommandHandler<CancelPlanCommand, Result>
{
    public async ValueTask<Result> Handle(CancelPlanCommand cmd, CancellationToken ct)
    {
        SupportPlan? plan;
        PlanParty? side = null;
        if (user.IsOffice())
        {
            plan = await db.SupportPlans.SingleOrDefaultAsync(p => p.Id == cmd.PlanId, ct);
            if (plan is null) return PlanErrors.NotFound;
        }
        else
        {
            var found = await db.ForPartyAsync(user, cmd.PlanId, ct);
            if (found.IsFailure) return found;
            (plan, side) = found.Value;
        }

        var result = plan.Cancel(user.RequiredId(), cmd.Reason ?? "", clock.GetUtcNow());
        if (result.IsFailure) return result;
        const string subject = "【ExpertSupport】支援計画が中止されました";
        var body = $"{(side is { } s ? PlanEmails.PartyName(s) : "事務局")}が支援計画を中止しました。この計画では新しい予約はできません。\n\n理由:\n{plan.CancellationReason}";
        if (side is { } party) await emails.ToOtherSideAsync(plan, party, subject, body, ct);
        else await emails.ToBothAsync(plan, subject, body, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
