using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Experts;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Plans;

/// <summary>
/// A company drafts a plan with an expert it found (search, the expert's page, or one of its own cases). Drafting is
/// the company's agreement; the expert is e-mailed to agree or revise. Experts draft through a proposal on a case.
/// </summary>
[CompanyOnly]
public sealed record DraftPlanCommand(
    Guid ExpertId, Guid? CaseId, string? Title, string? Goals, int? PlannedMinutes, string? HourlyFee, DateOnly? StartDate, DateOnly? EndDate)
    : ICommand<Result<PlanCreated>>, IPlanTermsInput;

public sealed record PlanCreated(Guid PlanId);

public sealed class DraftPlanValidator : PlanTermsValidator<DraftPlanCommand>;

public sealed class DraftPlanHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, PlanEmails emails)
    : ICommandHandler<DraftPlanCommand, Result<PlanCreated>>
{
    public async ValueTask<Result<PlanCreated>> Handle(DraftPlanCommand cmd, CancellationToken ct)
    {
        var userId = user.RequiredId();
        var company = await db.Companies.SingleOrDefaultAsync(c => c.UserId == userId, ct);
        if (company is null) return Error.Conflict("plan.no_company");
        var expert = await db.Experts.Bookable().SingleOrDefaultAsync(e => e.Id == cmd.ExpertId, ct);
        if (expert is null) return ExpertAccess.NotFound;
        if (cmd.CaseId is { } caseId && !await db.ConsultationCases.AnyAsync(c => c.Id == caseId && c.CompanyId == company.Id, ct))
            return CaseErrors.NotFound;
        var round = await db.ActiveRoundAsync(clock, ct);
        if (round is null) return LedgerErrors.NoActiveRound;
        if (await db.SameLiveDraftExistsAsync(company.Id, expert.Id, cmd.ToTerms(), ct)) return PlanErrors.AlreadyDrafted;

        var drafted = SupportPlan.Draft(round, company, expert, PlanParty.Company, cmd.ToTerms(), cmd.CaseId, userId, clock.GetUtcNow());
        if (drafted.IsFailure) return Result<PlanCreated>.Failure(drafted.Errors);
        db.SupportPlans.Add(drafted.Value);
        await emails.ToOtherSideAsync(drafted.Value, PlanParty.Company, "【ExpertSupport】支援計画の案が届きました",
            $"{company.Name}から支援計画の案が届きました。\n内容をご確認のうえ、よろしければ「同意する」を押してください。修正が必要なら内容を変更して同意できます。\n両者が同意すると、事務局の審査に進みます。", ct);
        await db.SaveChangesAsync(ct);
        return new PlanCreated(drafted.Value.Id);
    }
}
