using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Plans;

/// <summary>The office sends a submitted plan back with a comment; the parties revise it (or agree again) and resubmit.</summary>
[OfficeOnly]
public sealed record SendBackPlanCommand(Guid PlanId, string? Comment) : ICommand<Result>;

public sealed class SendBackPlanValidator : AbstractValidator<SendBackPlanCommand>
{
    public SendBackPlanValidator() =>
        RuleFor(c => c.Comment).NotEmpty().WithError(new("plan.send_back_comment_required")).MaximumLength(2000);
}

public sealed class SendBackPlanHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, PlanEmails emails)
    : ICommandHandler<SendBackPlanCommand, Result>
{
    public async ValueTask<Result> Handle(SendBackPlanCommand cmd, CancellationToken ct)
    {
        var plan = await db.SupportPlans.SingleOrDefaultAsync(p => p.Id == cmd.PlanId, ct);
        if (plan is null) return PlanErrors.NotFound;
        var result = plan.SendBack(user.RequiredId(), cmd.Comment ?? "", clock.GetUtcNow());
        if (result.IsFailure) return result;
        await emails.ToBothAsync(plan, "【ExpertSupport】支援計画が差し戻されました",
            $"事務局が支援計画を差し戻しました。次のコメントをご確認のうえ、内容を修正して、両者で改めて同意してください。\n\n事務局のコメント:\n{plan.OfficeComment}", ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
