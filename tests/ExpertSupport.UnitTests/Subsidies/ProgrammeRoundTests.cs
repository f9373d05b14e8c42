using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;

namespace ExpertSupport.UnitTests.Subsidies;

public sealed class ProgrammeRoundTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-28", "2026-04-01", "2027-03-31")]
    [InlineData("2026-04-01", "2026-04-01", "2027-03-31")]
    [InlineData("2027-03-31", "2026-04-01", "2027-03-31")]
    [InlineData("2027-01-05", "2026-04-01", "2027-03-31")]
    public void The_default_round_is_the_Japanese_fiscal_year_containing_the_day(string today, string start, string end)
    {
        var s = ProgrammeRoundSettings.DefaultFor(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), s.PeriodStart);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), s.PeriodEnd);
        Assert.Equal(s.PeriodEnd, s.SupportEndDate);
        Assert.Equal(new DateOnly(s.PeriodEnd.Year, 1, 31), s.ApplicationDeadline);
        Assert.Equal($"{s.PeriodStart.Year}年度", s.Name);
        Assert.Empty(s.Validate());
    }

    [Fact]
    public void The_fiscal_year_turns_at_midnight_in_Tokyo_not_in_UTC()
    {
        // 2027-03-31 15:00 UTC is already April 1 in Tokyo.
        var today = JapanTime.DateOf(new DateTimeOffset(2027, 3, 31, 15, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2027, 4, 1), ProgrammeRoundSettings.DefaultFor(today).PeriodStart);
    }

    [Fact]
    public void The_default_round_carries_the_programme_numbers_and_the_later_features_windows()
    {
        var s = ProgrammeRoundSettings.DefaultFor(new DateOnly(2026, 11, 28));

        Assert.Equal(ProgrammeRoundSettings.ProgrammeRules, s.ToRules());
        Assert.Equal((6, "30 0 1,16 * *", 24, 72, 7, true),
            (s.MaxPlanMonths, s.ClaimBatchCron, s.LateCancellationHours, s.BookingRequestExpiryHours, s.ReportConfirmationDays, s.FourEyesRequired));
    }

    public static TheoryData<string, string> InvalidSettings => new()
    {
        { "name", "" },
        { "periodEnd", "period" },
        { "applicationDeadline", "deadline" },
        { "supportEndDate", "support" },
        { "hourlySubsidyCeiling", "ceiling" },
        { "companyMinimumPerHour", "minimum" },
        { "companyCap", "companyCap" },
        { "expertCap", "expertCap" },
        { "timeUnitMinutes", "unit" },
        { "maxPlanMonths", "months" },
        { "claimBatchCron", "cron" },
        { "bookingRequestExpiryHours", "expiry" },
        { "reportConfirmationDays", "confirm" },
        { "lateCancellationHours", "late" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Invalid_settings_are_refused_naming_the_field(string field, string change)
    {
        var s = ProgrammeRoundSettings.DefaultFor(new DateOnly(2026, 11, 28));
        s = change switch
        {
            "" => s with { Name = "  " },
            "period" => s with { PeriodEnd = s.PeriodStart },
            "deadline" => s with { ApplicationDeadline = s.PeriodEnd.AddDays(1), SupportEndDate = s.PeriodEnd },
            "support" => s with { SupportEndDate = s.ApplicationDeadline.AddDays(-1) },
            "ceiling" => s with { HourlySubsidyCeiling = new Yen(999_600) },
            "minimum" => s with { CompanyMinimumPerHour = new Yen(0) },
            "companyCap" => s with { CompanyCap = new Yen(0) },
            "expertCap" => s with { ExpertCap = new Yen(-5) },
            "unit" => s with { TimeUnitMinutes = 25 },
            "months" => s with { MaxPlanMonths = 0 },
            "cron" => s with { ClaimBatchCron = "" },
            "expiry" => s with { BookingRequestExpiryHours = 0 },
            "confirm" => s with { ReportConfirmationDays = 0 },
            _ => s with { LateCancellationHours = -1 },
        };

        var errors = s.Validate();

        Assert.Contains(errors, e => e.Field == field);
        Assert.True(ProgrammeRound.Create(s, null, Now).IsFailure);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(30)]
    [InlineData(60)]
    [InlineData(10)]
    public void Time_units_that_divide_the_hour_are_accepted(int unit) =>
        Assert.Empty((ProgrammeRoundSettings.DefaultFor(new DateOnly(2026, 11, 28)) with { TimeUnitMinutes = unit }).Validate());

    [Fact]
    public void Creating_and_editing_a_round_is_audited_with_the_old_and_new_values()
    {
        var office = Guid.CreateVersion7();
        var s = ProgrammeRoundSettings.DefaultFor(new DateOnly(2026, 11, 28));
        var round = ProgrammeRound.Create(s, office, Now).Value;
        Assert.Equal("Created", Assert.Single(round.PendingAudit).ToState);
        round.ClearPendingAudit();

        var result = round.Update(s with { CompanyCap = new Yen(250_000), Name = " 2026年度（改） " }, office, Now.AddHours(1));

        Assert.True(result.IsSuccess);
        var audit = Assert.Single(round.PendingAudit);
        Assert.Equal(("ProgrammeRound", "Updated", office), (audit.EntityType, audit.ToState, audit.ActorUserId));
        Assert.Contains("CompanyCap: 300000 → 250000", audit.Reason);
        Assert.Contains("Name: 2026年度 → 2026年度（改）", audit.Reason);
        Assert.Equal(new Yen(250_000), round.Rules.CompanyCap);
        Assert.Equal("2026年度（改）", round.Name);
    }

    [Fact]
    public void An_edit_that_changes_nothing_is_refused_as_already_saved_and_writes_no_audit_entry()
    {
        var s = ProgrammeRoundSettings.DefaultFor(new DateOnly(2026, 11, 28));
        var round = ProgrammeRound.Create(s, null, Now).Value;
        round.ClearPendingAudit();

        var again = round.Update(s, Guid.CreateVersion7(), Now);
        Assert.Equal(("round.unchanged", ErrorKind.Conflict), (again.FirstError.Code, again.FirstError.Kind));
        Assert.Empty(round.PendingAudit);
    }

    [Fact]
    public void A_round_contains_its_first_and_last_day()
    {
        var round = ProgrammeRound.Create(ProgrammeRoundSettings.DefaultFor(new DateOnly(2026, 11, 28)), null, Now).Value;

        Assert.True(round.Contains(new DateOnly(2026, 4, 1)));
        Assert.True(round.Contains(new DateOnly(2027, 3, 31)));
        Assert.False(round.Contains(new DateOnly(2027, 4, 1)));
        Assert.False(round.Contains(new DateOnly(2026, 3, 31)));
    }

    public static readonly TheoryData<long> UnbelievableBudgets = [0L, -1L, ProgrammeRoundSettings.MaxBudget.Value + 1];

    [Theory]
    [MemberData(nameof(UnbelievableBudgets))]
    public void A_budget_must_be_positive_and_believable(long budget)
    {
        var s = ProgrammeRoundSettings.DefaultFor(new DateOnly(2026, 11, 28)) with { Budget = new Yen(budget) };

        Assert.Equal("budget", Assert.Single(s.Validate()).Field);
    }

    [Fact]
    public void The_default_round_has_the_default_budget_and_its_change_is_audited()
    {
        var s = ProgrammeRoundSettings.DefaultFor(new DateOnly(2026, 11, 28));
        var round = ProgrammeRound.Create(s, null, Now).Value;

        round.Update(s with { Budget = new Yen(2_000_000_000) }, Guid.CreateVersion7(), Now);

        Assert.Equal(ProgrammeRoundSettings.DefaultBudget, s.Budget);
        Assert.Equal(new Yen(2_000_000_000), round.Budget);
        Assert.Equal("Budget: 1000000000 → 2000000000", round.PendingAudit[^1].Reason);
    }
}
