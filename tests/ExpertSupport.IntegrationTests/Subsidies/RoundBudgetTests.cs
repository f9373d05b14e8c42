using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpertSupport.Application.Rounds;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpertSupport.IntegrationTests.Subsidies;

/// <summary>予算額: positive, checked by the form, the API and the database, and audited like every round change.</summary>
public sealed class RoundBudgetTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static int _nextYear = 2060;

    private static ProgrammeRoundSettings FutureRound() =>
        ProgrammeRoundSettings.DefaultFor(new DateOnly(Interlocked.Increment(ref _nextYear), 6, 1));

    [Fact]
    public async Task The_seeded_round_has_the_default_budget()
    {
        var round = await App.ActiveRoundAsync();

        Assert.Equal(ProgrammeRoundSettings.DefaultBudget, round.Budget);
    }

    [Fact]
    public async Task A_budget_of_zero_or_too_much_is_a_400_naming_the_budget_and_a_change_is_audited()
    {
        var office = await App.CreateUserAsync(Roles.Office);
        using var client = await App.ApiClientAsync(office);
        var round = FutureRound();

        var zero = await client.PostAsJsonAsync("/api/office/rounds", round with { Budget = new Yen(0) }, Ct);
        var huge = await client.PostAsJsonAsync("/api/office/rounds", round with { Budget = ProgrammeRoundSettings.MaxBudget + new Yen(1) }, Ct);
        var created = await client.PostAsJsonAsync("/api/office/rounds", round, Ct);
        var id = await created.Content.ReadFromJsonAsync<Guid>(Ct);
        var changed = await client.PutAsJsonAsync($"/api/office/rounds/{id}", round with { Budget = new Yen(2_500_000_000) }, Ct);

        foreach (var response in new[] { zero, huge })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
            Assert.Contains("予算額", errors.GetProperty("budget")[0].GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(new Yen(2_500_000_000), (await App.Db(db => db.ProgrammeRounds.SingleAsync(r => r.Id == id, Ct))).Budget);
        var audit = await App.Db(db => db.AuditEntries.SingleAsync(a => a.EntityId == id && a.ToState == "Updated", Ct));
        Assert.Equal("Budget: 1000000000 → 2500000000", audit.Reason);
        Assert.Equal(office.Id, audit.ActorUserId);
    }

    [Fact]
    public async Task The_round_form_edits_the_budget_and_shows_an_error_beside_it()
    {
        var office = await App.CreateUserAsync(Roles.Office);
        var round = FutureRound();
        var id = (await App.Send(office, s => s.Send(new CreateProgrammeRoundCommand(round)))).Value;
        using var client = await App.PageClientAsync(office);
        var form = Form(round);

        form["Input.Budget"] = "0";
        var refused = await client.PostFormAsync($"/Office/Rounds/Edit?id={id}", form);
        form["Input.Budget"] = "１，２００，０００，０００";
        var saved = await client.PostFormAsync($"/Office/Rounds/Edit?id={id}", form);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"Input_Budget\"", html);
        Assert.Contains("<span class=\"field-error\">予算額は1円以上", html);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new Yen(1_200_000_000), (await App.Db(db => db.ProgrammeRounds.SingleAsync(r => r.Id == id, Ct))).Budget);
        Assert.Contains("¥1,200,000,000", await client.GetStringAsync("/Office/Rounds", Ct));
    }

    [Fact]
    public async Task The_database_refuses_a_round_without_a_positive_budget()
    {
        var round = await App.ActiveRoundAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            App.Db(db => db.Database.ExecuteSqlAsync($"UPDATE programme_rounds SET budget = 0 WHERE id = {round.Id}")));

        Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
        Assert.Equal("ck_programme_rounds_budget", refused.ConstraintName);
    }

    private static Dictionary<string, string> Form(ProgrammeRoundSettings s)
    {
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
        return new()
        {
            ["Input.Name"] = s.Name,
            ["Input.PeriodStart"] = D(s.PeriodStart),
            ["Input.PeriodEnd"] = D(s.PeriodEnd),
            ["Input.HourlySubsidyCeiling"] = N(s.HourlySubsidyCeiling.Value),
            ["Input.CompanyMinimumPerHour"] = N(s.CompanyMinimumPerHour.Value),
            ["Input.CompanyCap"] = N(s.CompanyCap.Value),
            ["Input.ExpertCap"] = N(s.ExpertCap.Value),
            ["Input.TimeUnitMinutes"] = N(s.TimeUnitMinutes),
            ["Input.ApplicationDeadline"] = D(s.ApplicationDeadline),
            ["Input.SupportEndDate"] = D(s.SupportEndDate),
            ["Input.MaxPlanMonths"] = N(s.MaxPlanMonths),
            ["Input.ClaimBatchCron"] = s.ClaimBatchCron,
            ["Input.LateCancellationHours"] = N(s.LateCancellationHours),
            ["Input.BookingRequestExpiryHours"] = N(s.BookingRequestExpiryHours),
            ["Input.ReportConfirmationDays"] = N(s.ReportConfirmationDays),
            ["Input.FourEyesRequired"] = "true",
            ["Input.Budget"] = N(s.Budget.Value),
        };
    }
}
