using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.UnitTests.Onboarding;

namespace ExpertSupport.UnitTests.Plans;

public sealed class SupportPlanTests
{
    // 2026-12-01 10:00 JST, inside FY2026 (2026-04-01 – 2027-03-31).
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid CompanyUser = Guid.CreateVersion7();
    private static readonly Guid ExpertUser = Guid.CreateVersion7();
    private static readonly Guid OfficeUser = Guid.CreateVersion7();

    private static ProgrammeRound Round() =>
        ProgrammeRound.Create(ProgrammeRoundSettings.DefaultFor(new DateOnly(2026, 12, 1)), null, Now).Value;

    private static (Company Company, Expert Expert) Parties()
    {
        var company = Company.Register(CompanyUser, CompanyRulesTests.Profile(), Now);
        var expert = Expert.Register(ExpertUser, ExpertKind.Individual, "佐藤 花子", "サトウ ハナコ", "クラウド会計の専門家", new Yen(5_000), true, [13], Now);
        expert.Approve(OfficeUser, Now);
        return (company, expert);
    }

    private static PlanTerms Terms(long fee = 5_000, int minutes = 600, DateOnly? start = null, DateOnly? end = null) =>
        new("クラウド会計の導入", "請求書発行を電子化する", minutes, new Yen(fee), start ?? new DateOnly(2026, 12, 7), end ?? new DateOnly(2027, 2, 26));

    private static Result<SupportPlan> Draft(PlanTerms? terms = null, ProgrammeRound? round = null)
    {
        var (company, expert) = Parties();
        return SupportPlan.Draft(round ?? Round(), company, expert, PlanParty.Company, terms ?? Terms(), null, CompanyUser, Now);
    }

    [Fact]
    public void A_plan_goes_to_the_office_only_when_both_sides_agree_and_is_bookable_only_once_approved()
    {
        var plan = Draft().Value;
        Assert.Equal(SupportPlanStatus.Draft, plan.Status);
        Assert.Equal("plan.not_approved", plan.AllowsSession(Now.AddDays(7), Now.AddDays(7).AddHours(1)).FirstError.Code);

        Assert.True(plan.Agree(PlanParty.Expert, ExpertUser, Now).IsSuccess);
        Assert.Equal(SupportPlanStatus.Submitted, plan.Status);
        Assert.True(plan.Approve(OfficeUser, Now).IsSuccess);

        var monday = new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);
        Assert.True(plan.AllowsSession(monday, monday.AddHours(2)).IsSuccess);
        Assert.Equal("plan.outside_dates", plan.AllowsSession(monday.AddDays(-3), monday.AddDays(-3).AddHours(1)).FirstError.Code);
        Assert.Equal(["Draft", "Submitted", "Approved"], plan.PendingAudit.Select(a => a.ToState));
    }

    [Fact]
    public void An_hourly_fee_below_500_yen_is_refused_naming_the_field()
    {
        var refused = Draft(Terms(fee: 499));
        Assert.Equal("plan.fee_below_minimum", refused.FirstError.Code);
        Assert.Equal("hourlyFee", refused.FirstError.Field);
        Assert.True(Draft(Terms(fee: 500)).IsSuccess);
    }

    [Fact]
    public void A_plan_may_last_at_most_the_rounds_maximum_length()
    {
        Assert.True(Draft(Terms(start: new DateOnly(2026, 4, 1), end: new DateOnly(2026, 10, 1)), RoundFrom(new DateOnly(2026, 4, 1))).IsSuccess);
        Assert.Equal("plan.too_long", Draft(Terms(start: new DateOnly(2026, 4, 1), end: new DateOnly(2026, 10, 2)), RoundFrom(new DateOnly(2026, 4, 1))).FirstError.Code);
    }

    [Fact]
    public void A_plan_must_lie_inside_the_round_and_end_by_its_support_end()
    {
        Assert.Equal("plan.outside_round", Draft(Terms(start: new DateOnly(2027, 3, 1), end: new DateOnly(2027, 4, 10))).FirstError.Code);
        Assert.Equal("plan.end_before_start", Draft(Terms(start: new DateOnly(2027, 1, 10), end: new DateOnly(2027, 1, 9))).FirstError.Code);
    }

    [Fact]
    public void No_new_plan_after_the_application_deadline()
    {
        var round = Round();
        var (company, expert) = Parties();
        var afterDeadline = new DateTimeOffset(round.ApplicationDeadline.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero); // next day 01:00 JST
        var refused = SupportPlan.Draft(round, company, expert, PlanParty.Expert, Terms(), null, ExpertUser, afterDeadline);
        Assert.Equal("plan.past_deadline", refused.FirstError.Code);
    }

    [Fact]
    public void The_office_sends_a_plan_back_with_a_comment_and_a_revision_needs_both_sides_again()
    {
        var plan = Draft().Value;
        plan.Agree(PlanParty.Expert, ExpertUser, Now);
        Assert.Equal("plan.comment_required", plan.SendBack(OfficeUser, " ", Now).FirstError.Code);
        Assert.True(plan.SendBack(OfficeUser, "目標をもう少し具体的にしてください。", Now).IsSuccess);
        Assert.Equal(SupportPlanStatus.SentBack, plan.Status);

        Assert.True(plan.Revise(Round(), PlanParty.Company, Terms(minutes: 900), CompanyUser, Now).IsSuccess);
        Assert.Equal(SupportPlanStatus.Draft, plan.Status);
        Assert.Null(plan.ExpertAgreedAt);
        Assert.True(plan.Agree(PlanParty.Expert, ExpertUser, Now).IsSuccess);
        Assert.Equal(SupportPlanStatus.Submitted, plan.Status);
    }

    [Fact]
    public void A_suspended_company_or_an_unapproved_expert_cannot_start_a_plan()
    {
        var (company, expert) = Parties();
        company.Suspend(OfficeUser, "書類不備", Now);
        Assert.Equal("company.suspended", SupportPlan.Draft(Round(), company, expert, PlanParty.Company, Terms(), null, CompanyUser, Now).FirstError.Code);

        var pending = Expert.Register(ExpertUser, ExpertKind.Individual, "未審査", "ミシンサ", "", new Yen(5_000), true, [13], Now);
        var (active, _) = Parties();
        Assert.Equal("expert.not_approved", SupportPlan.Draft(Round(), active, pending, PlanParty.Company, Terms(), null, CompanyUser, Now).FirstError.Code);
    }

    private static ProgrammeRound RoundFrom(DateOnly date) => ProgrammeRound.Create(ProgrammeRoundSettings.DefaultFor(date), null, Now).Value;
}
