using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpertSupport.Application.Cases;
using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Dashboard;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;

namespace ExpertSupport.IntegrationTests.Claims;

/// <summary>
/// The office dashboard on arranged data: the ledger's reservations, settlements and reversals, grouped by prefecture
/// and skill; batches by state; overdue items. Tests share the database, so figures are compared before and after.
/// </summary>
public sealed class OfficeDashboardTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Used_and_reserved_follow_the_ledger_by_prefecture_and_skill_and_batches_count_by_state()
    {
        var office = await App.CreateUserAsync(Roles.Office);
        var reviewer = await App.CreateUserAsync(Roles.Office);
        var before = await App.DashboardAsync(office);

        // Shimane, an expert whose main skill is RPA (level beats taxonomy order); the plan has no case.
        var s = await App.ClaimScenarioAsync();
        await App.MoveCompanyToAsync(s.CompanyId, 32);
        await App.GiveSkillsAsync(s.ExpertId, ("cloud-accounting", SkillLevel.Practitioner), ("rpa", SkillLevel.Expert));
        // Tottori, the same kind of expert, but the plan answers a case asking for EC: the case's skill wins.
        var t = await App.ClaimScenarioAsync();
        await App.MoveCompanyToAsync(t.CompanyId, 31);
        await App.GiveSkillsAsync(t.ExpertId, ("rpa", SkillLevel.Expert));
        var opened = await App.Send(t.CompanyUser, x => x.Send(PlanTestData.Case(["ec", "rpa"])));
        await App.LinkPlanToCaseAsync(t.PlanId, opened.Value.CaseId);
        // A second plan of the same company and expert, without a case: its sessions count for the expert's skill.
        var today = JapanTime.DateOf(App.Now());
        var (secondPlan, _) = await App.CreateApprovedPlanAsync(t.CompanyId, t.ExpertId, 5_000, today, today.AddDays(30));

        await App.ConfirmedBookingAsync(s);                      // reserved ¥3,500
        await App.ClaimableSessionAsync(s);                      // settled ¥3,500
        var rejected = await App.ClaimableSessionAsync(s);       // settled ¥3,500, then reversed
        await App.ClaimableSessionAsync(t);                      // settled ¥3,500 (EC)
        await App.ConfirmedBookingAsync(t with { PlanId = secondPlan }); // reserved ¥3,500 (RPA)
        Assert.Single((await App.CloseAsync(await App.PassNextClosingAsync())).BatchIds);
        var reject = await App.Send(reviewer, x => x.Send(new RejectClaimLineCommand(rejected, "報告の内容が計画と合っていません。")));
        Assert.True(reject.IsSuccess);

        var after = await App.DashboardAsync(office);

        Assert.Equal(before.Round.Id, after.Round.Id);
        Assert.True(after.Round.IsActive);
        Assert.Equal(new Yen(7_000), after.Budget.Used - before.Budget.Used);
        Assert.Equal(new Yen(7_000), after.Budget.Reserved - before.Budget.Reserved);
        Assert.Equal(after.Budget.Budget - after.Budget.Used - after.Budget.Reserved, after.Budget.Remaining);
        Assert.Equal((after.Budget.Used, after.Budget.Reserved), (after.Timeline[^1].Used, after.Timeline[^1].Reserved));

        Assert.Equal(47, after.Prefectures.Count);
        Assert.Equal((new Yen(3_500), new Yen(3_500)), (after.Prefecture(32).Used - before.Prefecture(32).Used, after.Prefecture(32).Reserved - before.Prefecture(32).Reserved));
        Assert.Equal((new Yen(3_500), new Yen(3_500)), (after.Prefecture(31).Used - before.Prefecture(31).Used, after.Prefecture(31).Reserved - before.Prefecture(31).Reserved));
        Assert.True(after.Prefectures.Zip(after.Prefectures.Skip(1)).All(p => p.First.Used >= p.Second.Used), "sorted by used");

        Assert.Equal((new Yen(3_500), new Yen(7_000)), (after.Skill("rpa").Used - before.Skill("rpa").Used, after.Skill("rpa").Reserved - before.Skill("rpa").Reserved));
        Assert.Equal((new Yen(3_500), new Yen(0)), (after.Skill("ec").Used - before.Skill("ec").Used, after.Skill("ec").Reserved - before.Skill("ec").Reserved));
        Assert.Equal(new Yen(0), after.Skill("cloud-accounting").Used - before.Skill("cloud-accounting").Used);
        Assert.Equal(after.Budget.Used, after.Skills.Sum(k => k.Used));
        Assert.Equal(after.Budget.Reserved, after.Skills.Sum(k => k.Reserved));

        var reviewing = (Before: before.Batches(ClaimBatchStatus.Reviewing), After: after.Batches(ClaimBatchStatus.Reviewing));
        Assert.Equal((1, 3, new Yen(10_500)), (reviewing.After.Batches - reviewing.Before.Batches, reviewing.After.Lines - reviewing.Before.Lines,
            reviewing.After.TotalSubsidy - reviewing.Before.TotalSubsidy));
        Assert.Equal(Enum.GetValues<ClaimBatchStatus>(), after.Batches.Select(b => b.Status));

        using var client = await App.PageClientAsync(office);
        var html = await client.GetStringAsync("/Office", Ct);
        Assert.Contains($"data-figure=\"used\">{new Yen(after.Budget.Used.Value)}<", html);
        Assert.Contains($"data-figure=\"budget\">{new Yen(after.Budget.Budget.Value)}<", html);
        Assert.Contains("data-prefecture=\"32\"", html);
        Assert.Contains("<polygon class=\"used\"", html);
        Assert.Contains("<details>", html);
        Assert.Contains("/Office/Claims?status=Reviewing", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task Overdue_items_appear_once_past_their_threshold_and_link_to_where_the_office_acts()
    {
        var office = await App.CreateUserAsync(Roles.Office);
        var reviewer = await App.CreateUserAsync(Roles.Office);
        var approver = await App.CreateUserAsync(Roles.Office);
        // A report the company never confirms.
        var s = await App.ClaimScenarioAsync();
        var ended = await App.EndedBookingAsync(s);
        var reportId = await App.FiledReportAsync(s, ended.BookingId, ended.Start, ended.End);
        // One batch left in review, one approved and never exported.
        var u = await App.ClaimScenarioAsync();
        await App.ClaimableSessionAsync(u);
        var inReview = Assert.Single((await App.CloseAsync(await App.PassNextClosingAsync())).BatchIds);
        var line = await App.ClaimableSessionAsync(u);
        var approved = Assert.Single((await App.CloseAsync(await App.PassNextClosingAsync())).BatchIds);
        Assert.True((await App.Send(reviewer, x => x.Send(new ApproveClaimLineCommand(line)))).IsSuccess);
        Assert.True((await App.Send(approver, x => x.Send(new ApproveClaimBatchCommand(approved)))).IsSuccess);
        var expertId = await App.PendingExpertAsync(await App.CreateUserAsync(Roles.Expert));

        var early = await App.DashboardAsync(office);
        Assert.DoesNotContain(early.Overdue(OverdueKind.BatchesNotExported).Oldest, i => i.Id == approved);
        Assert.DoesNotContain(early.Overdue(OverdueKind.ExpertsPending).Oldest, i => i.Id == expertId);

        App.MoveClockTo(App.Now().AddDays(OverdueThresholds.BatchReviewDays + 1));
        var late = await App.DashboardAsync(office);

        Assert.Contains(late.Overdue(OverdueKind.ReportsUnconfirmed).Oldest, i => i.Id == reportId);
        Assert.Contains(late.Overdue(OverdueKind.BatchesInReview).Oldest, i => i.Id == inReview);
        Assert.DoesNotContain(late.Overdue(OverdueKind.BatchesInReview).Oldest, i => i.Id == approved);
        Assert.Contains(late.Overdue(OverdueKind.BatchesNotExported).Oldest, i => i.Id == approved);
        Assert.Contains(late.Overdue(OverdueKind.ExpertsPending).Oldest, i => i.Id == expertId);
        Assert.All(late.Overdue, g => Assert.True(g.Count >= g.Oldest.Count && g.Count > 0));

        using var client = await App.PageClientAsync(office);
        var html = await client.GetStringAsync("/Office", Ct);
        Assert.Contains($"href=\"/Reports/{reportId}\"", html);
        Assert.Contains($"href=\"/Office/Claims/Batch/{inReview}\"", html);
        Assert.Contains($"href=\"/Office/Claims/Batch/{approved}\"", html);
        Assert.Contains($"href=\"/Office/Experts/{expertId}\"", html);
        Assert.Contains("href=\"/Office/Reports?filter=Overdue\"", html);
    }

    [Fact]
    public async Task The_API_returns_the_same_figures_for_a_chosen_round_and_404_for_an_unknown_one()
    {
        var office = await App.CreateUserAsync(Roles.Office);
        var round = await App.ActiveRoundAsync();
        using var client = await App.ApiClientAsync(office);

        var json = await client.GetFromJsonAsync<JsonElement>($"/api/office/dashboard?roundId={round.Id}", Ct);
        var expected = await App.DashboardAsync(office, round.Id);
        var unknown = await client.GetAsync($"/api/office/dashboard?roundId={Guid.CreateVersion7()}", Ct);
        using var pages = await App.PageClientAsync(office);
        var unknownPage = await pages.GetAsync($"/Office?round={Guid.CreateVersion7()}", Ct);

        var budget = json.GetProperty("budget");
        Assert.Equal(round.Id, json.GetProperty("round").GetProperty("id").GetGuid());
        Assert.Equal((expected.Budget.Budget.Value, expected.Budget.Used.Value, expected.Budget.Reserved.Value, expected.Budget.Remaining.Value),
            (budget.GetProperty("budget").GetInt64(), budget.GetProperty("used").GetInt64(), budget.GetProperty("reserved").GetInt64(), budget.GetProperty("remaining").GetInt64()));
        Assert.Equal(47, json.GetProperty("prefectures").GetArrayLength());
        Assert.Equal("Reviewing", json.GetProperty("batches")[0].GetProperty("status").GetString());
        Assert.Equal(4, json.GetProperty("overdue").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknownPage.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Company)]
    [InlineData(Roles.Expert)]
    public async Task Only_the_office_reaches_the_dashboard(string role)
    {
        var user = await App.CreateUserAsync(role);
        using var api = await App.ApiClientAsync(user);
        using var pages = await App.PageClientAsync(user);

        var response = await api.GetAsync("/api/office/dashboard", Ct);
        var page = await pages.GetAsync("/Office", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("AccessDenied", page.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
