using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Subsidies;

/// <summary>
/// The numbers of a programme round that decide how a session's fee is split. They come from the round in the
/// database (editable by the office); the programme's published figures live only in the default round
/// (<see cref="ProgrammeRoundSettings.ProgrammeRules"/>), which seeds the first round.
/// </summary>
/// <param name="HourlySubsidyCeiling">The most the state pays for one hour.</param>
/// <param name="CompanyMinimumPerHour">What the company always pays itself for one hour; a lower hourly fee is not eligible.</param>
/// <param name="CompanyCap">The most subsidy one company receives in the round.</param>
/// <param name="ExpertCap">The most subsidy paid for one expert's work in the round.</param>
/// <param name="TimeUnitMinutes">Worked minutes are rounded down to this unit.</param>
public sealed record SubsidyRules(
    Yen HourlySubsidyCeiling,
    Yen CompanyMinimumPerHour,
    Yen CompanyCap,
    Yen ExpertCap,
    int TimeUnitMinutes)
{
    /// <summary>
    /// Not a programme figure but a bound on typing: no hourly fee above this is accepted anywhere, which keeps every
    /// product of a fee and minutes far inside a long.
    /// </summary>
    public static readonly Yen MaxHourlyRate = new(1_000_000);
}
