using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Plans;

/// <summary>
/// Marks an approved plan finished: the company or the expert after the plan's end date (Tokyo), the office at any
/// time (for a plan that finished early). The company is then asked to rate the expert.
/// </summary>
[AnySignedIn]
public sealed record CompletePlanCommand(Guid PlanId) : ICommand<Result>;

public sealed class CompletePlanHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, PlanEmails emails)
    : ICommandHandler<CompletePlanCommand, Result>
{
    public async ValueTask<Result> Handle(CompletePlanCommand cmd, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        SupportPlan plan;
        Result result;
        if (user.IsOffice())
        {
            var found = await db.SupportPlans.SingleOrDefaultAsync(p => p.Id == cmd.PlanId, ct);
            if (found is null) return PlanErrors.NotFound;
            plan = found;
            result = plan.Complete(user.RequiredId(), now);
        }
        else
        {
            var found = await db.ForPartyAsync(user, cmd.PlanId, ct);
            if (found.IsFailure) return found;
            plan = found.Value.Plan;
            result = plan.CompleteAsParty(user.RequiredId(), now);
        }
        if (result.IsFailure) return result;

        await emails.ToBothAsync(plan, "【ExpertSupport】支援計画が完了しました",
            "支援計画を完了にしました。ご協力ありがとうございました。", ct,
            companyExtra: "\nよろしければ、専門家の支援を5段階で評価してください（支援計画のページから1回だけ評価できます）。評価は他の企業が専門家を選ぶときの参考になります。\n");
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
