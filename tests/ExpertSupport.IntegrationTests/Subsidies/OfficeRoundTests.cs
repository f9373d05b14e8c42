using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.Testing;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Subsidies;

/// <summary>The office sets programme rounds (validated, audited) and watches every cap's use.</summary>
public sealed class OfficeRoundTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static int _nextYear = 2040;

    /// <summary>A round far in the future, one fiscal year per test, so tests never overlap each other's periods.</summary>
    private static ProgrammeRoundSettings FutureRound() =>
        ProgrammeRoundSettings.DefaultFor(new DateOnly(Interlocked.Increment(ref _nextYear), 6, 1));

    private static Dictionary<string, string> Form(ProgrammeRoundSettings s) => new()
    {
        ["Input.Name"] = s.Name,
        ["Input.PeriodStart"] = s.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.PeriodEnd"] = s.PeriodEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.HourlySubsidyCeiling"] = "3,500",
        ["Input.CompanyMinimumPerHour"] = "５００",
        ["Input.CompanyCap"] = s.CompanyCap.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.ExpertCap"] = s.ExpertCap.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.TimeUnitMinutes"] = "30",
        ["Input.ApplicationDeadline"] = s.ApplicationDeadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.SupportEndDate"] = s.SupportEndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.MaxPlanMonths"] = "6",
        ["Input.ClaimBatchCron"] = s.ClaimBatchCron,
        ["Input.LateCancellationHours"] = "24",
        ["Input.BookingRequestExpiryHours"] = "72",
        ["Input.ReportConfirmationDays"] = "7",
        ["Input.FourEyesRequired"] = "true",
        ["Input.Budget"] = s.Budget.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task The_default_round_is_seeded_for_the_current_fiscal_year_and_is_active()
    {
        var office = await App.CreateUserAsync(Roles.Office);
        using var client = await App.ApiClientAsync(office);

        var rounds = await client.GetFromJsonAsync<JsonElement>("/api/office/rounds", Ct);

        var today = JapanTime.Today(TimeProvider.System);
        var active = Assert.Single(rounds.EnumerateArray(), r => r.GetProperty("isActive").GetBoolean());
        var settings = active.GetProperty("settings");
        Assert.Equal(ProgrammeRoundSettings.DefaultFor(today).Name, settings.GetProperty("name").GetString());
        Assert.Equal(3_500, settings.GetProperty("hourlySubsidyCeiling").GetInt64());
        Assert.Equal("30 0 1,16 * *", settings.GetProperty("claimBatchCron").GetString());
    }

    [Theory]
    [InlineData(Roles.Company)]
    [InlineData(Roles.Expert)]
    public async Task Only_the_office_reaches_the_round_API_and_pages(string role)
    {
        var user = await App.CreateUserAsync(role);
        using var api = await App.ApiClientAsync(user);
        using var pages = await App.PageClientAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/office/rounds", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/office/rounds", FutureRound(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.GetAsync("/Office/Rounds", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.GetAsync("/Office/Caps", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_office_creates_a_round_through_the_API_and_an_overlapping_one_is_a_409_naming_the_period()
    {
        var office = await App.CreateUserAsync(Roles.Office);
        using var client = await App.ApiClientAsync(office);
        var round = FutureRound();

        var created = await client.PostAsJsonAsync("/api/office/rounds", round, Ct);
        var overlapping = await client.PostAsJsonAsync("/api/office/rounds", round with { Name = "重複", PeriodStart = round.PeriodStart.AddMonths(1) }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = await created.Content.ReadFromJsonAsync<Guid>(Ct);
        Assert.Equal($"/api/office/rounds/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, overlapping.StatusCode);
        var problem = await overlapping.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("periodStart", out _));
        var audit = await App.Db(db => db.AuditEntries.SingleAsync(a => a.EntityId == id, Ct));
        Assert.Equal(("ProgrammeRound", "Created", office.Id), (audit.EntityType, audit.ToState, audit.ActorUserId!.Value));
    }

    [Fact]
    public async Task Invalid_round_settings_are_a_400_naming_each_field()
    {
        var office = await App.CreateUserAsync(Roles.Office);
        using var client = await App.ApiClientAsync(office);
        // The support end before the period (a date outside 2000–2100 would be refused earlier, alone, at the input boundary).
        var valid = FutureRound();
        var round = valid with { TimeUnitMinutes = 25, ClaimBatchCron = "every day", CompanyCap = new Yen(0), SupportEndDate = valid.PeriodStart.AddDays(-1) };

        var response = await client.PostAsJsonAsync("/api/office/rounds", round, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "timeUnitMinutes", "claimBatchCron", "companyCap", "supportEndDate" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
    }

    [Fact]
    public async Task The_office_edits_a_round_on_its_page_and_the_change_is_audited()
    {
        var office = await App.CreateUserAsync(Roles.Office);
        var round = FutureRound();
        var id = (await App.Send(office, s => s.Send(new Application.Rounds.CreateProgrammeRoundCommand(round)))).Value;
        using var client = await App.PageClientAsync(office);

        var form = Form(round);
        form["Input.CompanyCap"] = "２５０，０００";
        var response = await client.PostFormAsync($"/Office/Rounds/Edit?id={id}", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await App.Db(db => db.ProgrammeRounds.SingleAsync(r => r.Id == id, Ct));
        Assert.Equal(new Yen(250_000), saved.CompanyCap);
        var audit = await App.Db(db => db.AuditEntries.Where(a => a.EntityId == id && a.ToState == "Updated").SingleAsync(Ct));
        Assert.Equal(office.Id, audit.ActorUserId);
        Assert.Equal("CompanyCap: 300000 → 250000", audit.Reason);
        var list = await client.GetStringAsync("/Office/Rounds", Ct);
        Assert.Contains(round.Name, list);
        Assert.Contains("¥250,000", list);
    }

    [Fact]
    public async Task The_round_form_shows_each_error_beside_its_field()
    {
        var office = await App.CreateUserAsync(Roles.Office);
        using var client = await App.PageClientAsync(office);
        var form = Form(FutureRound());
        form["Input.TimeUnitMinutes"] = "abc";
        form["Input.PeriodEnd"] = form["Input.PeriodStart"];
        form["Input.ClaimBatchCron"] = "毎月";

        var response = await client.PostFormAsync("/Office/Rounds/Edit", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("入力内容をご確認ください。", html);
        Assert.Contains("半角または全角の数字で入力してください。", html);

        form["Input.TimeUnitMinutes"] = "30";
        html = await (await client.PostFormAsync("/Office/Rounds/Edit", form)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("<span class=\"field-error\">期間の終了日は開始日より後にしてください。</span>", html);
        Assert.Contains("cron 形式", html);
    }

    [Fact]
    public async Task A_cap_cannot_be_lowered_below_what_is_already_used()
    {
        var office = await App.CreateUserAsync(Roles.Office);
        var round = FutureRound();
        var id = (await App.Send(office, s => s.Send(new Application.Rounds.CreateProgrammeRoundCommand(round)))).Value;
        var parties = new CapParties(id, (await App.CreateCompaniesAsync(1))[0], (await App.CreateExpertsAsync(1))[0]);
        await App.LedgerAsync(null, l => l.ReserveAmountAsync(parties, SubsidySource.Booking(Guid.CreateVersion7()), new Yen(120_000), default));
        using var client = await App.ApiClientAsync(office);

        var lowered = await client.PutAsJsonAsync($"/api/office/rounds/{id}", round with { CompanyCap = new Yen(100_000) }, Ct);
        var fine = await client.PutAsJsonAsync($"/api/office/rounds/{id}", round with { CompanyCap = new Yen(120_000) }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, lowered.StatusCode);
        Assert.True((await lowered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("companyCap", out _));
        Assert.Equal(HttpStatusCode.NoContent, fine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/office/rounds/{Guid.CreateVersion7()}", round, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_cap_page_lists_each_company_and_expert_with_used_reserved_and_left_sorted()
    {
        var office = await App.CreateUserAsync(Roles.Office);
        var active = await App.ActiveRoundAsync();
        var parties = new CapParties(active.Id, (await App.CreateCompaniesAsync(1))[0], (await App.CreateExpertsAsync(1))[0]);
        // 24 hours at ¥5,000: ¥84,000 settled, plus ¥7,000 held by a booking; more than any other test here uses.
        await App.LedgerAsync(null, l => l.SettleAsync(parties, SubsidySource.SessionReport(Guid.CreateVersion7()), new Yen(5_000), 1_440, default));
        await App.LedgerAsync(null, l => l.ReserveAsync(parties, SubsidySource.Booking(Guid.CreateVersion7()), new Yen(5_000), 120, default));
        var name = await App.Db(db => db.Companies.Where(c => c.Id == parties.CompanyId).Select(c => c.Name).SingleAsync(Ct));
        using var api = await App.ApiClientAsync(office);
        using var pages = await App.PageClientAsync(office);

        var top = (await api.GetFromJsonAsync<JsonElement>("/api/office/caps?holder=companies&sort=used&desc=true", Ct)).GetProperty("rows")[0];
        var experts = await api.GetFromJsonAsync<JsonElement>("/api/office/caps?holder=experts&sort=left&desc=false", Ct);
        var html = await pages.GetStringAsync("/Office/Caps?holder=companies&sort=used&desc=true", Ct);

        Assert.Equal((parties.CompanyId, 84_000L, 7_000L, 209_000L),
            (top.GetProperty("id").GetGuid(), top.GetProperty("settled").GetInt64(), top.GetProperty("reserved").GetInt64(), top.GetProperty("left").GetInt64()));
        Assert.Equal(parties.ExpertId, experts.GetProperty("rows")[0].GetProperty("id").GetGuid());
        Assert.Contains(name, html);
        Assert.Contains("¥84,000", html);
        Assert.Contains("¥209,000", html);
        Assert.Contains("class=\"cap-bar\"", html);
        Assert.Contains("aria-sort=\"descending\"", html);
    }

    [Fact]
    public async Task A_company_and_an_expert_see_their_own_cap_use_on_their_home_page()
    {
        var companyUser = await App.CreateUserAsync(Roles.Company);
        var expertUser = await App.CreateUserAsync(Roles.Expert);
        var active = await App.ActiveRoundAsync();
        var parties = new CapParties(active.Id, await App.CreateCompanyForAsync(companyUser), await App.CreateExpertForAsync(expertUser));
        await App.LedgerAsync(null, l => l.SettleAsync(parties, SubsidySource.SessionReport(Guid.CreateVersion7()), new Yen(5_000), 60, default));
        await App.LedgerAsync(null, l => l.ReserveAsync(parties, SubsidySource.Booking(Guid.CreateVersion7()), new Yen(5_000), 120, default));

        using var companyClient = await App.PageClientAsync(companyUser);
        var companyHome = await companyClient.GetStringAsync("/Company", Ct);
        Assert.Contains($"補助の上限（{active.Name}）", companyHome);
        Assert.Contains("御社がこの制度年度に受けられる補助は、あと¥289,500です（上限 ¥300,000）。", companyHome);
        Assert.Contains("¥3,500", companyHome);
        Assert.Contains("¥7,000", companyHome);

        using var expertClient = await App.PageClientAsync(expertUser);
        var expertHome = await expertClient.GetStringAsync("/Expert", Ct);
        Assert.Contains("あと¥1,489,500です（上限 ¥1,500,000）", expertHome);
    }

    [Fact]
    public async Task A_user_without_a_profile_sees_a_hint_instead_of_figures()
    {
        var user = await App.CreateUserAsync(Roles.Company);
        using var client = await App.PageClientAsync(user);

        var html = await client.GetStringAsync("/Company", Ct);

        Assert.Contains("プロフィールを登録すると、補助の上限の利用状況がここに表示されます。", html);
    }
}
