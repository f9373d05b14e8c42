using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Plans;

/// <summary>The company rates the expert of a completed plan, once: 1–5 stars and an optional comment. The expert is e-mailed.</summary>
[AnySignedIn]
public sealed record RatePlanCommand(Guid PlanId, int? Stars, string? Comment) : ICommand<Result>;

public sealed class RatePlanValidator : AbstractValidator<RatePlanCommand>
{
    public RatePlanValidator()
    {
        RuleFor(c => c.Stars).NotNull().WithError(new("plan.stars_required"))
            .InclusiveBetween(PlanRating.MinStars, PlanRating.MaxStars).WithError(new("plan.stars_required"));
        RuleFor(c => c.Comment).MaximumLength(PlanRating.CommentMaxLength).WithError(new("plan.comment_too_long", 2000));
    }
}

public sealed class RatePlanHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Outbox outbox)
    : ICommandHandler<RatePlanCommand, Result>
{
    public async ValueTask<Result> Handle(RatePlanCommand cmd, CancellationToken ct)
    {
        var found = await db.ForPartyAsync(user, cmd.PlanId, ct);
        if (found.IsFailure) return found;
        var (plan, side) = found.Value;
        if (side != PlanParty.Company) return PlanErrors.CompanyOnly;
        if (await db.PlanRatings.AnyAsync(r => r.PlanId == plan.Id, ct)) return PlanErrors.AlreadyRated;

        var rating = PlanRating.Rate(plan, cmd.Stars ?? 0, cmd.Comment, user.RequiredId(), clock.GetUtcNow());
        if (rating.IsFailure) return rating;
        db.PlanRatings.Add(rating.Value);
        outbox.Letter(await Recipients.ExpertAsync(db, plan.ExpertId, ct), "【ExpertSupport】支援計画の評価が届きました",
            $"支援計画「{plan.Title}」について、企業から評価が届きました。\n\n評価: {new string('★', rating.Value.Stars)}{new string('☆', PlanRating.MaxStars - rating.Value.Stars)}\n" +
            (rating.Value.Comment.Length > 0 ? $"コメント:\n{rating.Value.Comment}\n" : "") + outbox.OpenLine($"/Plans/{plan.Id}") + "\n");
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
