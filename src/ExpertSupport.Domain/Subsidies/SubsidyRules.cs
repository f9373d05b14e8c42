namespace ExpertSupport.Domain.Subsidies;

/// <summary>
/// The numbers of a programme round that decide how a session's fee is split. They come from the
/// round in the database (editable by the office); nothing outside the default round hard-codes them.
/// </summary>
/// <param name="HourlySubsidyCeiling">The most the state pays for one hour (¥3,500 by default).</param>
/// <param name="CompanyMinimumPerHour">What the company always pays itself for one hour (¥500 by default).</param>
/// <param name="CompanyCap">The most subsidy one company receives in the round (¥300,000).</param>
/// <param name="ExpertCap">The most subsidy paid for one expert's work in the round (¥1,500,000).</param>
/// <param name="TimeUnitMinutes">Worked minutes are rounded down to this unit (30).</param>
public sealed record SubsidyRules(
    long HourlySubsidyCeiling,
    long CompanyMinimumPerHour,
    long CompanyCap,
    long ExpertCap,
    int TimeUnitMinutes)
{
    /// <summary>No hourly fee above this is accepted anywhere: it keeps every product far inside a long.</summary>
    public const long MaxHourlyRate = 1_000_000;

    /// <summary>The programme's published numbers (デジタル化応援隊事業).</summary>
    public static readonly SubsidyRules Programme = new(3_500, 500, 300_000, 1_500_000, 30);
}
