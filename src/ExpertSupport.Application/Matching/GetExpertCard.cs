using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Matching;

public sealed record ExpertCardSkill(string SkillCode, SkillLevel Level);

public sealed record ExpertCardRating(int Stars, string Comment, DateTimeOffset CreatedAt);

public sealed record ExpertCardCase(Guid Id, string Title);

/// <summary>
/// An approved expert as a company sees them before choosing: profile without bank account or certificate numbers, the
/// price per hour after subsidy for this company, ratings of completed plans, and the company's open cases to link a plan to.
/// </summary>
public sealed record ExpertCard(
    Guid Id, string DisplayName, string DisplayNameKana, ExpertKind Kind, string Bio, Yen HourlyFee, bool OffersOnline,
    short[] PrefectureCodes, string[] Languages, IReadOnlyList<ExpertCardSkill> Skills, IReadOnlyList<string> QualificationCodes,
    DateTimeOffset? NextFreeSlotAt, int RatingCount, double? RatingAverage, IReadOnlyList<ExpertCardRating> RecentRatings,
    HourPrice? Price, string? RoundName, CapUse? CompanyCap, IReadOnlyList<ExpertCardCase> MyOpenCases,
    bool InvoiceRegistered = false);

/// <summary>One approved expert for a company (or the office); null for anybody not approved.</summary>
[CompanyOnly]
public sealed record GetExpertCardQuery(Guid ExpertId) : IQuery<ExpertCard?>;

public sealed class GetExpertCardHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, CapsLeftReader caps)
    : IQueryHandler<GetExpertCardQuery, ExpertCard?>
{
    public const int RecentRatings = 10;

    public async ValueTask<ExpertCard?> Handle(GetExpertCardQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expert = await db.Experts.AsNoTracking().AsSplitQuery().Bookable().Where(e => e.Id == query.ExpertId)
            .Select(e => new
            {
                e.Id, e.DisplayName, e.DisplayNameKana, e.Kind, e.Bio, e.HourlyFee, e.OffersOnline, e.PrefectureCodes, e.Languages,
                Skills = e.Skills.OrderByDescending(s => s.Level).ThenBy(s => s.SkillCode).Select(s => new ExpertCardSkill(s.SkillCode, s.Level)).ToList(),
                Qualifications = e.Qualifications.OrderBy(q => q.QualificationCode).Select(q => q.QualificationCode).ToList(),
                e.NextFreeSlotAt,
                InvoiceRegistered = e.InvoiceRegistrationNumber != null && e.InvoiceRegistrationVerifiedAt != null,
                Summary = db.ExpertRatingSummaries.Where(s => s.ExpertId == e.Id).Select(s => new { s.RatingCount, s.RatingTotal }).FirstOrDefault(),
                Recent = db.PlanRatings
                    .Where(r => r.ExpertId == e.Id && db.SupportPlans.Any(p => p.Id == r.PlanId && p.Status == SupportPlanStatus.Completed))
                    .OrderByDescending(r => r.CreatedAt).Take(RecentRatings)
                    .Select(r => new ExpertCardRating(r.Stars, r.Comment, r.CreatedAt)).ToList(),
            }).SingleOrDefaultAsync(ct);
        if (expert is null) return null;

        var userId = user.Id;
        var company = await db.Companies.AsNoTracking().Where(c => c.UserId == userId).Select(c => new { c.Id }).SingleOrDefaultAsync(ct);
        var round = await db.ActiveRoundAsync(clock, ct);
        CapUse? companyCap = null;
        HourPrice? price = null;
        if (round is not null)
        {
            companyCap = company is null ? new CapUse(round.CompanyCap, Yen.Zero, Yen.Zero) : await caps.CompanyAsync(round.Id, company.Id, ct);
            var expertCap = await caps.ExpertAsync(round.Id, expert.Id, ct);
            price = CompanyPrice.For(round.Rules, expert.HourlyFee, CapsLeft.Of(companyCap!, expertCap!));
        }
        var cases = company is null ? [] : await db.ConsultationCases.AsNoTracking()
            .Where(c => c.CompanyId == company.Id && c.Status == CaseStatus.Open)
            .OrderByDescending(c => c.CreatedAt).Select(c => new ExpertCardCase(c.Id, c.Title)).ToListAsync(ct);

        var count = expert.Summary?.RatingCount ?? 0;
        return new ExpertCard(expert.Id, expert.DisplayName, expert.DisplayNameKana, expert.Kind, expert.Bio, expert.HourlyFee, expert.OffersOnline,
            expert.PrefectureCodes, expert.Languages, expert.Skills, expert.Qualifications,
            expert.NextFreeSlotAt >= now ? expert.NextFreeSlotAt : null,
            count, count == 0 ? null : Math.Round((double)expert.Summary!.RatingTotal / count, 1), expert.Recent,
            price, round?.Name, companyCap, cases, expert.InvoiceRegistered);
    }
}
