using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;
using ExpertSupport.Domain.Subsidies;

namespace ExpertSupport.Domain.Plans;

/// <summary>The round's limits on a plan (DESIGN.md step 4), checked on every draft and revision.</summary>
public static class PlanRules
{
    public static IReadOnlyList<Error> Check(ProgrammeRound round, PlanTerms terms)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(terms.Title)) errors.Add(PlanErrors.TitleRequired);
        if (string.IsNullOrWhiteSpace(terms.Goals)) errors.Add(PlanErrors.GoalsRequired);
        if (terms.PlannedMinutes <= 0 || terms.PlannedMinutes % round.TimeUnitMinutes != 0)
            errors.Add(PlanErrors.PlannedMinutesInUnits(round.TimeUnitMinutes));
        if (terms.HourlyFee < round.CompanyMinimumPerHour) errors.Add(PlanErrors.FeeBelowMinimum(round.CompanyMinimumPerHour));
        if (terms.HourlyFee > SubsidyRules.MaxHourlyRate) errors.Add(PlanErrors.FeeTooHigh(SubsidyRules.MaxHourlyRate));
        if (terms.EndDate < terms.StartDate) errors.Add(PlanErrors.EndBeforeStart);
        else if (terms.EndDate > terms.StartDate.AddMonths(round.MaxPlanMonths)) errors.Add(PlanErrors.TooLong(round.MaxPlanMonths));
        if (terms.StartDate < round.PeriodStart || terms.EndDate > round.SupportEndDate || terms.EndDate > round.PeriodEnd)
            errors.Add(PlanErrors.OutsideRound(round.PeriodStart, Min(round.SupportEndDate, round.PeriodEnd)));
        return errors;
    }

    /// <summary>
    /// A plan whose expert can reach the company neither online nor on site could never hold a session: every slot
    /// would be refused at booking. It is stopped where it would go to the office, and where the office approves it.
    /// </summary>
    public static Result CheckServiceMode(bool offersOnline, IReadOnlyCollection<short> servedPrefectures, short companyPrefecture) =>
        Expert.CanServe(offersOnline, servedPrefectures, companyPrefecture)
            ? Result.Success
            : PlanErrors.NoServiceMode(Prefectures.Find(companyPrefecture));

    private static DateOnly Min(DateOnly a, DateOnly b) => a <= b ? a : b;
}
