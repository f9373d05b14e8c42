using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Subsidies;

/// <summary>
/// Everything the office sets on a programme round (制度年度). Later features read their windows from here
/// (late cancellation, booking request expiry, report confirmation, four eyes) instead of adding columns.
/// </summary>
public sealed record ProgrammeRoundSettings(
    string Name,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    Yen HourlySubsidyCeiling,
    Yen CompanyMinimumPerHour,
    Yen CompanyCap,
    Yen ExpertCap,
    int TimeUnitMinutes,
    DateOnly ApplicationDeadline,
    DateOnly SupportEndDate,
    int MaxPlanMonths,
    string ClaimBatchCron,
    int LateCancellationHours,
    int BookingRequestExpiryHours,
    int ReportConfirmationDays,
    bool FourEyesRequired,
    Yen Budget)
{
    public const int NameMaxLength = 100;
    public const int CronMaxLength = 100;
    /// <summary>Caps above ¥1 billion are a typing mistake, not a programme.</summary>
    public static readonly Yen MaxCap = new(1_000_000_000);
    /// <summary>A budget above ¥10 trillion is a typing mistake (the whole national budget is about ¥110 trillion).</summary>
    public static readonly Yen MaxBudget = new(10_000_000_000_000);

    // The programme's published figures (デジタル化応援隊事業) live here and nowhere else: they seed the default round,
    // and every rule, check and message afterwards reads them from the round in the database (RoundIsTheRuleTests).

    /// <summary>
    /// The split rules of the default round: the state pays up to ¥3,500 an hour, the company at least ¥500 an hour;
    /// caps of ¥300,000 per company and ¥1,500,000 per expert; worked time rounded down to 30 minutes.
    /// </summary>
    public static readonly SubsidyRules ProgrammeRules = new(new Yen(3_500), new Yen(500), new Yen(300_000), new Yen(1_500_000), 30);

    /// <summary>
    /// The budget (予算額) a round starts with until the office types the real one: ¥1 billion, about what the
    /// original programme paid out (some 17,000 cases at a few tens of thousands of yen of subsidy each).
    /// </summary>
    public static readonly Yen DefaultBudget = new(1_000_000_000);

    /// <summary>
    /// The default round: the Japanese fiscal year (April 1 – March 31) that contains <paramref name="today"/>
    /// (a Tokyo date), with the programme's published numbers. New plans are accepted until two months
    /// before the end, so that planned support can still happen; sessions may run until the last day.
    /// </summary>
    public static ProgrammeRoundSettings DefaultFor(DateOnly today)
    {
        var startYear = today.Month >= 4 ? today.Year : today.Year - 1;
        var start = new DateOnly(startYear, 4, 1);
        var end = new DateOnly(startYear + 1, 3, 31);
        var rules = ProgrammeRules;
        return new ProgrammeRoundSettings(
            Name: $"{startYear}年度",
            PeriodStart: start,
            PeriodEnd: end,
            HourlySubsidyCeiling: rules.HourlySubsidyCeiling,
            CompanyMinimumPerHour: rules.CompanyMinimumPerHour,
            CompanyCap: rules.CompanyCap,
            ExpertCap: rules.ExpertCap,
            TimeUnitMinutes: rules.TimeUnitMinutes,
            ApplicationDeadline: new DateOnly(startYear + 1, 1, 31),
            SupportEndDate: end,
            MaxPlanMonths: 6,
            // Claims close twice a month: on the 15th and on the month's last day; the job runs just after, at 00:30 JST.
            ClaimBatchCron: "30 0 1,16 * *",
            LateCancellationHours: 24,
            BookingRequestExpiryHours: 72,
            ReportConfirmationDays: 7,
            FourEyesRequired: true,
            Budget: DefaultBudget);
    }

    /// <summary>The rules of the form: each error names the field (camelCase) it concerns. The cron's syntax is checked by the application.</summary>
    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        void Fail(Error error) => errors.Add(error);

        if (string.IsNullOrWhiteSpace(Name)) Fail(Error.Invalid("round.name_required", "name"));
        else if (Name.Trim().Length > NameMaxLength) Fail(Error.Invalid("round.name_too_long", "name", NameMaxLength));

        if (PeriodEnd <= PeriodStart) Fail(Error.Invalid("round.period_end_before_start", "periodEnd"));
        if (ApplicationDeadline < PeriodStart || ApplicationDeadline > PeriodEnd)
            Fail(Error.Invalid("round.deadline_outside_period", "applicationDeadline"));
        if (SupportEndDate < PeriodStart || SupportEndDate > PeriodEnd)
            Fail(Error.Invalid("round.support_end_outside_period", "supportEndDate"));
        else if (SupportEndDate < ApplicationDeadline)
            Fail(Error.Invalid("round.support_end_before_deadline", "supportEndDate"));

        var one = new Yen(1);
        if (HourlySubsidyCeiling < one) Fail(Error.Invalid("round.ceiling_too_low", "hourlySubsidyCeiling"));
        if (CompanyMinimumPerHour < one) Fail(Error.Invalid("round.company_minimum_too_low", "companyMinimumPerHour"));
        // Compared in longs: two absurd typed amounts must give a message, not an overflow.
        if (HourlySubsidyCeiling >= one && CompanyMinimumPerHour >= one
            && HourlySubsidyCeiling.Value > SubsidyRules.MaxHourlyRate.Value - CompanyMinimumPerHour.Value)
            Fail(Error.Invalid("round.hourly_sum_too_high", "hourlySubsidyCeiling", SubsidyRules.MaxHourlyRate));
        if (CompanyCap < one || CompanyCap > MaxCap) Fail(Error.Invalid("round.company_cap_range", "companyCap", MaxCap));
        if (ExpertCap < one || ExpertCap > MaxCap) Fail(Error.Invalid("round.expert_cap_range", "expertCap", MaxCap));
        if (Budget < one || Budget > MaxBudget) Fail(Error.Invalid("round.budget_range", "budget", MaxBudget));

        if (TimeUnitMinutes < 1 || TimeUnitMinutes > 60 || 60 % TimeUnitMinutes != 0)
            Fail(Error.Invalid("round.time_unit", "timeUnitMinutes"));
        if (MaxPlanMonths is < 1 or > 24) Fail(Error.Invalid("round.max_plan_months", "maxPlanMonths"));
        if (string.IsNullOrWhiteSpace(ClaimBatchCron)) Fail(Error.Invalid("round.cron_required", "claimBatchCron"));
        else if (ClaimBatchCron.Length > CronMaxLength) Fail(Error.Invalid("round.cron_too_long", "claimBatchCron", CronMaxLength));
        if (LateCancellationHours is < 0 or > 720) Fail(Error.Invalid("round.late_cancellation_hours", "lateCancellationHours"));
        if (BookingRequestExpiryHours is < 1 or > 720) Fail(Error.Invalid("round.request_expiry_hours", "bookingRequestExpiryHours"));
        if (ReportConfirmationDays is < 1 or > 90) Fail(Error.Invalid("round.report_confirmation_days", "reportConfirmationDays"));
        return errors;
    }

    public SubsidyRules ToRules() => new(HourlySubsidyCeiling, CompanyMinimumPerHour, CompanyCap, ExpertCap, TimeUnitMinutes);
}
