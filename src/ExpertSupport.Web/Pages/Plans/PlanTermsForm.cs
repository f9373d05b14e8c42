using System.Globalization;
using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ExpertSupport.Web.Pages.Plans;

/// <summary>
/// The plan terms as typed on a form (draft, revision, proposal). Hours are what people think in (10 or 10.5, full-width
/// digits fine); the use cases take minutes.
/// </summary>
public sealed class PlanTermsForm
{
    public string? Title { get; set; }
    public string? Goals { get; set; }
    public string? PlannedHours { get; set; }
    public string? HourlyFee { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>Minutes from the hours field, or null with an error beside the field.</summary>
    public int? PlannedMinutes(ModelStateDictionary modelState, string prefix, string message)
    {
        var outcome = TypedNumber.ReadDecimal(PlannedHours, out decimal hours, unit: "時間");
        if (outcome == TypedNumberOutcome.Missing) return null;
        if (outcome == TypedNumberOutcome.Ok && hours > 0 && hours <= 10_000
            && hours * 60 == decimal.Truncate(hours * 60))
            return (int)(hours * 60);
        modelState.AddModelError($"{prefix}.{nameof(PlannedHours)}", message);
        return 0;
    }

    public static string Hours(int minutes) =>
        (minutes / 60m).ToString(minutes % 60 == 0 ? "0" : "0.##", CultureInfo.InvariantCulture);

    public static PlanTermsForm From(PlanDetail plan) => new()
    {
        Title = plan.Title, Goals = plan.Goals, PlannedHours = Hours(plan.PlannedMinutes),
        HourlyFee = plan.HourlyFee.Value.ToString(CultureInfo.InvariantCulture), StartDate = plan.StartDate, EndDate = plan.EndDate,
    };
}

internal static class PlanFormErrors
{
    /// <summary>Like AddErrors, but an error about planned minutes goes beside the hours field.</summary>
    public static void AddPlanErrors(this ModelStateDictionary modelState, Result result, string prefix = "Input")
    {
        modelState.AddErrors(result, field => PageExtensions.KeyOf(prefix, field == "plannedMinutes" ? nameof(PlanTermsForm.PlannedHours) : field));
    }
}
