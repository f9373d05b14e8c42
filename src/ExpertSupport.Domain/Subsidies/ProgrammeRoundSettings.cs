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
        void Fail(string field, string message) => errors.Add(Error.Invalid($"round.{field}", message, field));

        if (string.IsNullOrWhiteSpace(Name)) Fail("name", "名称を入力してください。");
        else if (Name.Trim().Length > NameMaxLength) Fail("name", $"名称は{NameMaxLength}文字以内にしてください。");

        if (PeriodEnd <= PeriodStart) Fail("periodEnd", "期間の終了日は開始日より後にしてください。");
        if (ApplicationDeadline < PeriodStart || ApplicationDeadline > PeriodEnd)
            Fail("applicationDeadline", "新規計画の受付期限は、期間内の日付にしてください。");
        if (SupportEndDate < PeriodStart || SupportEndDate > PeriodEnd)
            Fail("supportEndDate", "支援の実施期限は、期間内の日付にしてください。");
        else if (SupportEndDate < ApplicationDeadline)
            Fail("supportEndDate", "支援の実施期限は、新規計画の受付期限以降にしてください。");

        var one = new Yen(1);
        if (HourlySubsidyCeiling < one) Fail("hourlySubsidyCeiling", "1時間あたりの補助上限は1円以上にしてください。");
        if (CompanyMinimumPerHour < one) Fail("companyMinimumPerHour", "1時間あたりの企業負担の下限は1円以上にしてください。");
        // Compared in longs: two absurd typed amounts must give a message, not an overflow.
        if (HourlySubsidyCeiling >= one && CompanyMinimumPerHour >= one
            && HourlySubsidyCeiling.Value > SubsidyRules.MaxHourlyRate.Value - CompanyMinimumPerHour.Value)
            Fail("hourlySubsidyCeiling", $"補助上限と企業負担の下限の合計は{SubsidyRules.MaxHourlyRate.ToNumberString()}円以下にしてください。");
        if (CompanyCap < one || CompanyCap > MaxCap) Fail("companyCap", $"企業ごとの上限は1円以上{MaxCap.ToNumberString()}円以下にしてください。");
        if (ExpertCap < one || ExpertCap > MaxCap) Fail("expertCap", $"専門家ごとの上限は1円以上{MaxCap.ToNumberString()}円以下にしてください。");
        if (Budget < one || Budget > MaxBudget) Fail("budget", $"予算額は1円以上{MaxBudget.ToNumberString()}円以下にしてください。");

        if (TimeUnitMinutes < 1 || TimeUnitMinutes > 60 || 60 % TimeUnitMinutes != 0)
            Fail("timeUnitMinutes", "時間の単位は60を割り切れる分数（15分、30分、60分など）にしてください。");
        if (MaxPlanMonths is < 1 or > 24) Fail("maxPlanMonths", "支援計画の最長期間は1〜24か月にしてください。");
        if (string.IsNullOrWhiteSpace(ClaimBatchCron)) Fail("claimBatchCron", "謝金申請の締めのスケジュールを入力してください。");
        else if (ClaimBatchCron.Length > CronMaxLength) Fail("claimBatchCron", $"スケジュールは{CronMaxLength}文字以内にしてください。");
        if (LateCancellationHours is < 0 or > 720) Fail("lateCancellationHours", "直前キャンセルの扱いになる時間は0〜720時間にしてください。");
        if (BookingRequestExpiryHours is < 1 or > 720) Fail("bookingRequestExpiryHours", "予約リクエストの有効期限は1〜720時間にしてください。");
        if (ReportConfirmationDays is < 1 or > 90) Fail("reportConfirmationDays", "実施報告の確認期限は1〜90日にしてください。");
        return errors;
    }

    public SubsidyRules ToRules() => new(HourlySubsidyCeiling, CompanyMinimumPerHour, CompanyCap, ExpertCap, TimeUnitMinutes);
}
