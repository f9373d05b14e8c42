using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Plans;

/// <summary>The office approves a submitted plan: from now on sessions can be booked under it. Both parties are e-mailed.</summary>
[OfficeOnly]
public sealed record ApprovePlanCommand(Guid PlanId) : ICommand<Result>;

public sealed class ApprovePlanHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, PlanEmails emails)
    : ICommandHandler<ApprovePlanCommand, Result>
{
    public async ValueTask<Result> Handle(ApprovePlanCommand cmd, CancellationToken ct)
    {
        var plan = await db.SupportPlans.SingleOrDefaultAsync(p => p.Id == cmd.PlanId, ct);
        if (plan is null) return PlanErrors.NotFound;
        if (plan.Status == SupportPlanStatus.Submitted && await PlanServiceMode.CheckAsync(db, plan, ct) is { IsFailure: true } serviceMode)
            return serviceMode;
        var result = plan.Approve(user.RequiredId(), clock.GetUtcNow());
        if (result.IsFailure) return result;
        await emails.ToBothAsync(plan, "【ExpertSupport】支援計画が承認されました",
            "事務局が支援計画を承認しました。計画の期間内で、支援の日時を予約できます。\n補助の対象になるのは、この計画に基づいて実施した支援です。", ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
