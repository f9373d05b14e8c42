using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ExpertSupport.IntegrationTests.Plans;

/// <summary>The plan workflow through the commands: the round's limits, agreement, the office's review, completion, audit and mail.</summary>
public sealed class PlanWorkflowTests(PlansFixture fixture) : IClassFixture<PlansFixture>
{
    private TestApp App => fixture.App;
    private static readonly DateOnly Today = PlansFixture.Today;

    private async Task<(TestUser Company, TestUser Expert, Guid ExpertId, TestUser Office)> PartiesAsync()
    {
        var (company, _) = await App.CompanyAsync();
        var (expert, expertId) = await App.ExpertAsync();
        var office = await App.CreateUserAsync(Roles.Office);
        return (company, expert, expertId, office);
    }

    [Fact]
    public async Task Plan_dates_must_stay_within_the_rounds_maximum_length_and_period()
    {
        var (company, _, expertId, _) = await PartiesAsync();

        var tooLong = await App.Send(company, s => s.Send(PlanTestData.Draft(expertId, Today, start: new DateOnly(2026, 6, 8), end: new DateOnly(2026, 12, 9))));
        var sixMonths = await App.Send(company, s => s.Send(PlanTestData.Draft(expertId, Today, start: new DateOnly(2026, 6, 8), end: new DateOnly(2026, 12, 8))));
        var outsideRound = await App.Send(company, s => s.Send(PlanTestData.Draft(expertId, Today, start: new DateOnly(2027, 3, 1), end: new DateOnly(2027, 4, 15))));
        var backwards = await App.Send(company, s => s.Send(PlanTestData.Draft(expertId, Today, start: new DateOnly(2026, 7, 10), end: new DateOnly(2026, 7, 9))));

        Assert.Equal("plan.too_long", tooLong.FirstError.Code);
        Assert.Equal("endDate", tooLong.FirstError.Field);
        Assert.True(sixMonths.IsSuccess);
        Assert.Equal("plan.outside_round", outsideRound.FirstError.Code);
        Assert.Equal("plan.end_before_start", backwards.FirstError.Code);
    }

    [Fact]
    public async Task An_hourly_fee_below_500_yen_is_refused_by_the_command_and_by_the_API()
    {
        var (company, _, expertId, _) = await PartiesAsync();

        var refused = await App.Send(company, s => s.Send(PlanTestData.Draft(expertId, Today, fee: "４９９")));
        Assert.Equal("plan.fee_below_minimum", refused.FirstError.Code);
        Assert.Equal("hourlyFee", refused.FirstError.Field);
        Assert.True((await App.Send(company, s => s.Send(PlanTestData.Draft(expertId, Today, fee: "500")))).IsSuccess);

        using var client = await App.ApiClientAsync(company);
        var response = await client.PostAsJsonAsync("/api/plans", new
        {
            expertId, title = "クラウド会計の導入", goals = "請求書を電子化する", plannedMinutes = 600, hourlyFee = 499,
            startDate = "2026-06-08", endDate = "2026-08-07",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("hourlyFee", out _));
    }

    [Fact]
    public async Task A_plan_cannot_be_booked_until_the_office_approves_it()
    {
        var (company, expert, expertId, office) = await PartiesAsync();
        var session = (Start: JapanTime.At(Today.AddDays(10), new TimeOnly(10, 0)), End: JapanTime.At(Today.AddDays(10), new TimeOnly(12, 0)));
        Task<SupportPlan> Load(Guid id) => App.Db(db => db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == id));

        var id = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Draft);
        Assert.Equal("plan.not_approved", (await Load(id)).AllowsSession(session.Start, session.End).FirstError.Code);

        Assert.True((await App.Send(expert, s => s.Send(new AgreePlanCommand(id)))).IsSuccess);
        var submitted = await Load(id);
        Assert.Equal(SupportPlanStatus.Submitted, submitted.Status);
        Assert.Equal("plan.not_approved", submitted.AllowsSession(session.Start, session.End).FirstError.Code);

        Assert.True((await App.Send(office, s => s.Send(new ApprovePlanCommand(id)))).IsSuccess);
        var approved = await Load(id);
        Assert.True(approved.AllowsSession(session.Start, session.End).IsSuccess);
        Assert.Equal(new Yen(5_000), approved.HourlyFee);
        Assert.True((await App.Send(company, s => s.Send(new GetPlanQuery(id))))!.Can.Book);
    }

    [Fact]
    public async Task Both_sides_agree_then_the_office_approves_every_state_is_audited_and_everyone_is_told_by_mail()
    {
        var (company, expert, expertId, office) = await PartiesAsync();

        var id = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Approved);

        var detail = (await App.Send(office, s => s.Send(new GetPlanQuery(id))))!;
        Assert.Equal(["Draft", "Submitted", "Approved"], detail.History.Select(h => h.ToState));
        Assert.Equal(Viewer.Office, detail.Viewer);
        Assert.False(detail.Can.Approve);
        var subjects = (await App.DeliverMailAsync()).Select(f => MimeMessage.Load(f))
            .SelectMany(m => m.To.Mailboxes.Select(b => (b.Address, m.Subject))).ToList();
        Assert.Contains((expert.Email, "【ExpertSupport】支援計画の案が届きました"), subjects);
        Assert.Contains((office.Email, "【ExpertSupport】支援計画の審査依頼"), subjects);
        Assert.Contains((company.Email, "【ExpertSupport】支援計画が承認されました"), subjects);
        Assert.Contains((expert.Email, "【ExpertSupport】支援計画が承認されました"), subjects);
    }

    [Fact]
    public async Task An_approved_plan_shows_the_expected_subsidy_and_company_share_for_its_planned_hours()
    {
        var (company, expert, expertId, office) = await PartiesAsync();
        var id = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Approved);

        var estimate = (await App.Send(company, s => s.Send(new GetPlanQuery(id))))!.Estimate!;

        // ¥5,000 an hour for 10 hours: the state pays ¥3,500 an hour, the company ¥1,500.
        Assert.Equal(new Yen(50_000), estimate.Breakdown.Fee);
        Assert.Equal(new Yen(35_000), estimate.Breakdown.Subsidy);
        Assert.Equal(new Yen(15_000), estimate.Breakdown.CompanyShare);
        Assert.Equal(new Yen(300_000), estimate.CompanyCap.Left);
    }

    [Fact]
    public async Task The_office_sends_back_with_a_required_comment_and_the_parties_revise_and_agree_again()
    {
        var (company, expert, expertId, office) = await PartiesAsync();
        var id = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Submitted);

        var noComment = await App.Send(office, s => s.Send(new SendBackPlanCommand(id, " ")));
        Assert.Equal("comment", noComment.FirstError.Field);
        Assert.True((await App.Send(office, s => s.Send(new SendBackPlanCommand(id, "目標を数字で書いてください。")))).IsSuccess);

        var revised = await App.Send(expert, s => s.Send(new RevisePlanCommand(id, "クラウド会計の導入", "月末の作業時間を20時間から10時間にする。",
            720, "5,000", Today.AddDays(7), Today.AddDays(60))));
        Assert.True(revised.IsSuccess);
        var afterRevision = (await App.Send(company, s => s.Send(new GetPlanQuery(id))))!;
        Assert.Equal(SupportPlanStatus.Draft, afterRevision.Status);
        Assert.Null(afterRevision.CompanyAgreedAt);
        Assert.NotNull(afterRevision.ExpertAgreedAt);
        Assert.True(afterRevision.Can.Agree);

        Assert.True((await App.Send(company, s => s.Send(new AgreePlanCommand(id)))).IsSuccess);
        var resubmitted = (await App.Send(office, s => s.Send(new GetPlanQuery(id))))!;
        Assert.Equal(SupportPlanStatus.Submitted, resubmitted.Status);
        Assert.Equal(["Draft", "Submitted", "SentBack", "Draft", "Submitted"], resubmitted.History.Select(h => h.ToState));
        Assert.Equal("目標を数字で書いてください。", resubmitted.History.Single(h => h.ToState == "SentBack").Reason);
    }

    [Fact]
    public async Task Parties_cannot_approve_and_the_office_cannot_agree()
    {
        var (company, expert, expertId, office) = await PartiesAsync();
        var id = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Submitted);

        Assert.Equal(ErrorKind.Forbidden, (await App.Send(company, s => s.Send(new ApprovePlanCommand(id)))).FirstError.Kind);
        Assert.Equal("plan.not_party", (await App.Send(office, s => s.Send(new AgreePlanCommand(id)))).FirstError.Code);
        Assert.Equal("plan.not_editable", (await App.Send(company, s => s.Send(new RevisePlanCommand(id, "x", "y", 60, "5000", Today.AddDays(7), Today.AddDays(8))))).FirstError.Code);
    }

    [Fact]
    public async Task A_party_completes_a_plan_only_after_its_end_date_the_office_at_any_time()
    {
        var (company, expert, expertId, office) = await PartiesAsync();
        var running = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Approved);
        var ended = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Approved,
            PlanTestData.Draft(expertId, Today, start: new DateOnly(2026, 4, 6), end: new DateOnly(2026, 5, 29)));

        Assert.Equal("plan.not_ended", (await App.Send(expert, s => s.Send(new CompletePlanCommand(running)))).FirstError.Code);
        Assert.True((await App.Send(expert, s => s.Send(new CompletePlanCommand(ended)))).IsSuccess);
        Assert.True((await App.Send(office, s => s.Send(new CompletePlanCommand(running)))).IsSuccess);

        var completed = (await App.Send(company, s => s.Send(new GetPlanQuery(ended))))!;
        Assert.Equal(SupportPlanStatus.Completed, completed.Status);
        Assert.True(completed.Can.Rate);
        Assert.False(completed.Can.Book);
    }

    [Fact]
    public async Task A_cancelled_plan_keeps_its_reason_and_history_and_cannot_be_booked()
    {
        var (company, expert, expertId, office) = await PartiesAsync();
        var id = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Approved);

        Assert.Equal("reason", (await App.Send(expert, s => s.Send(new CancelPlanCommand(id, "")))).FirstError.Field);
        Assert.True((await App.Send(expert, s => s.Send(new CancelPlanCommand(id, "体調不良のため")))).IsSuccess);

        var plan = await App.Db(db => db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(SupportPlanStatus.Cancelled, plan.Status);
        Assert.Equal("体調不良のため", plan.CancellationReason);
        Assert.True(plan.AllowsSession(JapanTime.At(Today.AddDays(10), new TimeOnly(10, 0)), JapanTime.At(Today.AddDays(10), new TimeOnly(11, 0))).IsFailure);
    }
}

/// <summary>The application deadline is checked on the day a plan is drafted (Asia/Tokyo).</summary>
public sealed class PlanDeadlineTests(AfterDeadlineFixture fixture) : IClassFixture<AfterDeadlineFixture>
{
    [Fact]
    public async Task No_plan_is_drafted_after_the_rounds_application_deadline()
    {
        var (company, _) = await fixture.App.CompanyAsync();
        var (_, expertId) = await fixture.App.ExpertAsync();

        var refused = await fixture.App.Send(company, s => s.Send(PlanTestData.Draft(expertId, new DateOnly(2027, 2, 1),
            start: new DateOnly(2027, 2, 8), end: new DateOnly(2027, 3, 15))));

        Assert.Equal("plan.past_deadline", refused.FirstError.Code);
        Assert.Equal(ErrorKind.Conflict, refused.FirstError.Kind);
    }
}
