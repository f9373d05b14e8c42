using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using Mediator;

namespace ExpertSupport.Application.Plans;

/// <summary>
/// One party agrees to the plan as it stands. When both have, the plan goes to the office's queue: the office and both
/// parties are e-mailed. Agreeing a second time is refused (409 plan.already_agreed).
/// </summary>
[AnySignedIn]
public sealed record AgreePlanCommand(Guid PlanId) : ICommand<Result>;

public sealed class AgreePlanHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, PlanEmails emails)
    : ICommandHandler<AgreePlanCommand, Result>
{
    public async ValueTask<Result> Handle(AgreePlanCommand cmd, CancellationToken ct)
    {
        var found = await db.ForPartyAsync(user, cmd.PlanId, ct);
        if (found.IsFailure) return found;
        var (plan, side) = found.Value;
        var serviceMode = await PlanServiceMode.CheckAsync(db, plan, ct);
        if (serviceMode.IsFailure) return serviceMode;

        var result = plan.Agree(side, user.RequiredId(), clock.GetUtcNow());
        if (result.IsFailure) return result;
        if (plan.Status == SupportPlanStatus.Submitted)
        {
            await emails.ToBothAsync(plan, "【ExpertSupport】支援計画が事務局の審査に進みました",
                "企業と専門家の両方が支援計画に同意したため、事務局の審査に進みました。\n審査の結果はメールでお知らせします。承認されるまでの支援は補助の対象になりません。", ct);
            await emails.ToOfficeAsync(plan, "【ExpertSupport】支援計画の審査依頼",
                "企業と専門家が同意した支援計画が届きました。審査をお願いします。", ct);
        }
        else
        {
            await emails.ToOtherSideAsync(plan, side, "【ExpertSupport】相手が支援計画に同意しました",
                $"{PlanEmails.PartyName(side)}が支援計画に同意しました。あなたが同意すると、事務局の審査に進みます。", ct);
        }
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
