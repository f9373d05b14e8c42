using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Plans;

/// <summary>
/// The company's rating of the expert after a completed plan (1–5 stars and a comment), once per plan. Search shows
/// the average and count; because only a completed plan can be rated, every rating comes from finished work.
/// </summary>
public sealed class PlanRating : Entity
{
    public const int MinStars = 1;
    public const int MaxStars = 5;
    public const int CommentMaxLength = 2000;

    private PlanRating() { }

    public Guid PlanId { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid ExpertId { get; private set; }
    public short Stars { get; private set; }
    public string Comment { get; private set; } = "";
    public Guid CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static Result<PlanRating> Rate(SupportPlan plan, int stars, string? comment, Guid actorUserId, DateTimeOffset now)
    {
        if (plan.Status != SupportPlanStatus.Completed) return PlanErrors.NotCompleted;
        if (stars is < MinStars or > MaxStars) return PlanErrors.StarsOutOfRange;
        return new PlanRating
        {
            PlanId = plan.Id,
            CompanyId = plan.CompanyId,
            ExpertId = plan.ExpertId,
            Stars = (short)stars,
            Comment = comment?.Trim() ?? "",
            CreatedByUserId = actorUserId,
            CreatedAt = now,
        };
    }
}
