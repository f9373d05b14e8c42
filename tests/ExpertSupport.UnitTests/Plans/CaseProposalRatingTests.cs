using ExpertSupport.Application.Matching;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Messages;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.UnitTests.Onboarding;

namespace ExpertSupport.UnitTests.Plans;

public sealed class CaseProposalRatingTests
{
    // 2026-12-01 10:00 JST, inside FY2026.
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid CompanyUser = Guid.CreateVersion7();
    private static readonly Guid ExpertUser = Guid.CreateVersion7();
    private static readonly Guid OfficeUser = Guid.CreateVersion7();

    private static ProgrammeRound Round() => ProgrammeRound.Create(ProgrammeRoundSettings.DefaultFor(new DateOnly(2026, 12, 1)), null, Now).Value;

    private static (Company Company, Expert Expert) Parties()
    {
        var company = Company.Register(CompanyUser, CompanyRulesTests.Profile(), Now);
        var expert = Expert.Register(ExpertUser, ExpertKind.Individual, "佐藤 花子", "サトウ ハナコ", "クラウド会計", new Yen(5_000), true, [13], Now);
        expert.Approve(OfficeUser, Now);
        return (company, expert);
    }

    private static CaseDetails Details() => new("請求書を電子化したい", "紙の請求書が多い。", ["cloud-accounting"], WorkMode.Either, 13, 20);

    private static PlanTerms Terms(long fee = 6_000) => new("クラウド会計の導入", "月末の作業を半分に", 1_200, new Yen(fee), new DateOnly(2026, 12, 14), new DateOnly(2027, 2, 26));

    [Fact]
    public void Accepting_a_proposal_drafts_a_plan_the_expert_has_already_agreed_to()
    {
        var (company, expert) = Parties();
        var @case = ConsultationCase.Open(company, Details(), CompanyUser, Now).Value;
        var proposal = Proposal.Send(Round(), @case, expert, "お手伝いします。", Terms(), ExpertUser, Now).Value;

        var plan = proposal.Accept(Round(), company, expert, CompanyUser, Now).Value;

        Assert.Equal(ProposalStatus.Accepted, proposal.Status);
        Assert.Equal(plan.Id, proposal.PlanId);
        Assert.Equal((@case.Id, new Yen(6_000), SupportPlanStatus.Draft), (plan.CaseId!.Value, plan.HourlyFee, plan.Status));
        Assert.NotNull(plan.ExpertAgreedAt);
        Assert.Null(plan.CompanyAgreedAt);
        Assert.Equal("proposal.decided", proposal.Decline(CompanyUser, null, Now).FirstError.Code);
    }

    [Fact]
    public void A_proposal_is_checked_against_the_round_and_needs_an_open_case_and_a_message()
    {
        var (company, expert) = Parties();
        var @case = ConsultationCase.Open(company, Details(), CompanyUser, Now).Value;

        Assert.Equal("plan.fee_below_minimum", Proposal.Send(Round(), @case, expert, "x", Terms(fee: 499), ExpertUser, Now).FirstError.Code);
        Assert.Equal("proposal.message_required", Proposal.Send(Round(), @case, expert, " ", Terms(), ExpertUser, Now).FirstError.Code);
        @case.Close(CompanyUser, null, Now);
        Assert.Equal("case.closed", Proposal.Send(Round(), @case, expert, "x", Terms(), ExpertUser, Now).FirstError.Code);
        Assert.Equal("case.closed", @case.Edit(Details(), Now).FirstError.Code);
        Assert.Equal(["Open", "Closed"], @case.PendingAudit.Select(a => a.ToState));
    }

    [Fact]
    public void A_party_completes_only_after_the_end_date_and_only_a_completed_plan_is_rated()
    {
        var (company, expert) = Parties();
        var plan = SupportPlan.Draft(Round(), company, expert, PlanParty.Company, Terms(), null, CompanyUser, Now).Value;
        plan.Agree(PlanParty.Expert, ExpertUser, Now);
        plan.Approve(OfficeUser, Now);
        Assert.Equal("plan.not_completed", PlanRating.Rate(plan, 5, null, CompanyUser, Now).FirstError.Code);

        var lastDay = new DateTimeOffset(2027, 2, 26, 14, 59, 0, TimeSpan.Zero); // 23:59 JST on the end date
        Assert.Equal("plan.not_ended", plan.CompleteAsParty(CompanyUser, lastDay).FirstError.Code);
        Assert.True(plan.CompleteAsParty(CompanyUser, lastDay.AddMinutes(1)).IsSuccess);
        Assert.NotNull(plan.CompletedAt);

        Assert.Equal("plan.stars", PlanRating.Rate(plan, 0, null, CompanyUser, Now).FirstError.Code);
        var rating = PlanRating.Rate(plan, 4, "  丁寧でした  ", CompanyUser, Now).Value;
        Assert.Equal((4, "丁寧でした", plan.ExpertId), ((int)rating.Stars, rating.Comment, rating.ExpertId));
    }

    [Fact]
    public void A_message_needs_words_and_fits_the_limit()
    {
        var (company, expert) = Parties();
        var @case = ConsultationCase.Open(company, Details(), CompanyUser, Now).Value;

        Assert.Equal("message.body_required", Message.OnCase(@case, expert.Id, PlanParty.Expert, ExpertUser, "  ", Now).FirstError.Code);
        Assert.Equal("message.body_too_long", Message.OnCase(@case, expert.Id, PlanParty.Expert, ExpertUser, new string('あ', 4001), Now).FirstError.Code);
        var message = Message.OnCase(@case, expert.Id, PlanParty.Expert, ExpertUser, " ご質問です。 ", Now).Value;
        Assert.Equal(("ご質問です。", company.Id, (Guid?)null), (message.Body, message.CompanyId, message.PlanId));
    }

    [Theory]
    [InlineData(5_000, 300_000, 1_500_000, 1_500, 85)]
    [InlineData(3_000, 300_000, 1_500_000, 500, 120)]
    [InlineData(12_000, 300_000, 1_500_000, 8_500, 85)]
    [InlineData(5_000, 35_000, 1_500_000, 1_500, 10)]
    [InlineData(5_000, 2_000, 1_500_000, 3_000, 0)]
    [InlineData(5_000, 300_000, 0, 5_000, 0)]
    public void The_price_per_hour_after_subsidy_and_the_hours_the_caps_cover(long fee, long companyLeft, long expertLeft, long net, long hours)
    {
        var caps = CapsLeft.Of(new CapUse(new Yen(companyLeft), Yen.Zero, Yen.Zero), new CapUse(new Yen(expertLeft), Yen.Zero, Yen.Zero));
        var price = CompanyPrice.For(ProgrammeRoundSettings.ProgrammeRules, new Yen(fee), caps)!;
        Assert.Equal((new Yen(net), (long?)hours), (price.NetPerHour, price.HoursCovered));
    }

    [Fact]
    public void Free_text_splits_on_any_space_after_normalising_full_width_input()
    {
        Assert.Equal(["クラウド", "会計"], ExpertSearchSql.Terms("ｸﾗｳﾄﾞ　会計 クラウド"));
        Assert.Empty(ExpertSearchSql.Terms("　 "));
        Assert.Equal(ExpertSearchSql.MaxTerms, ExpertSearchSql.Terms("a b c d e f g").Length);
    }
}
