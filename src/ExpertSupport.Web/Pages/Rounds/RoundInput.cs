using System.Globalization;
using ExpertSupport.Application.Common;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Rounds;

/// <summary>
/// The round form as typed: text, so that "３０" or "300,000" is read as a number and a mistake gets a Japanese
/// message beside its field. Property names match <see cref="ProgrammeRoundSettings"/>, so the use case's errors land beside the same fields.
/// </summary>
public sealed class RoundInput
{
    public string? Name { get; set; }
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
    public string? HourlySubsidyCeiling { get; set; }
    public string? CompanyMinimumPerHour { get; set; }
    public string? CompanyCap { get; set; }
    public string? ExpertCap { get; set; }
    public string? TimeUnitMinutes { get; set; }
    public string? ApplicationDeadline { get; set; }
    public string? SupportEndDate { get; set; }
    public string? MaxPlanMonths { get; set; }
    public string? ClaimBatchCron { get; set; }
    public string? LateCancellationHours { get; set; }
    public string? BookingRequestExpiryHours { get; set; }
    public string? ReportConfirmationDays { get; set; }
    public bool FourEyesRequired { get; set; }
    public string? Budget { get; set; }

    public static RoundInput From(ProgrammeRoundSettings s) => new()
    {
        Name = s.Name,
        PeriodStart = Date(s.PeriodStart),
        PeriodEnd = Date(s.PeriodEnd),
        HourlySubsidyCeiling = Number(s.HourlySubsidyCeiling.Value),
        CompanyMinimumPerHour = Number(s.CompanyMinimumPerHour.Value),
        CompanyCap = Number(s.CompanyCap.Value),
        ExpertCap = Number(s.ExpertCap.Value),
        TimeUnitMinutes = Number(s.TimeUnitMinutes),
        ApplicationDeadline = Date(s.ApplicationDeadline),
        SupportEndDate = Date(s.SupportEndDate),
        MaxPlanMonths = Number(s.MaxPlanMonths),
        ClaimBatchCron = s.ClaimBatchCron,
        LateCancellationHours = Number(s.LateCancellationHours),
        BookingRequestExpiryHours = Number(s.BookingRequestExpiryHours),
        ReportConfirmationDays = Number(s.ReportConfirmationDays),
        FourEyesRequired = s.FourEyesRequired,
        Budget = Number(s.Budget.Value),
    };

    /// <summary>The settings, or null after putting a message beside every field that is not a number or a date.</summary>
    public ProgrammeRoundSettings? ToSettings(ModelStateDictionary modelState, IStringLocalizer l)
    {
        var ok = true;
        long Whole(string? text, string field)
        {
            if (TypedNumber.Read(text, out long value) == TypedNumberOutcome.Ok && value is >= int.MinValue and <= long.MaxValue / 2) return value;
            modelState.AddModelError($"Input.{field}", l["半角または全角の数字で入力してください。"]);
            ok = false;
            return 0;
        }
        int Small(string? text, string field) => (int)Math.Clamp(Whole(text, field), int.MinValue, int.MaxValue);
        DateOnly Day(string? text, string field)
        {
            if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            modelState.AddModelError($"Input.{field}", l["日付を入力してください。"]);
            ok = false;
            return default;
        }

        var settings = new ProgrammeRoundSettings(
            Name ?? "",
            Day(PeriodStart, nameof(PeriodStart)),
            Day(PeriodEnd, nameof(PeriodEnd)),
            new Yen(Whole(HourlySubsidyCeiling, nameof(HourlySubsidyCeiling))),
            new Yen(Whole(CompanyMinimumPerHour, nameof(CompanyMinimumPerHour))),
            new Yen(Whole(CompanyCap, nameof(CompanyCap))),
            new Yen(Whole(ExpertCap, nameof(ExpertCap))),
            Small(TimeUnitMinutes, nameof(TimeUnitMinutes)),
            Day(ApplicationDeadline, nameof(ApplicationDeadline)),
            Day(SupportEndDate, nameof(SupportEndDate)),
            Small(MaxPlanMonths, nameof(MaxPlanMonths)),
            ClaimBatchCron ?? "",
            Small(LateCancellationHours, nameof(LateCancellationHours)),
            Small(BookingRequestExpiryHours, nameof(BookingRequestExpiryHours)),
            Small(ReportConfirmationDays, nameof(ReportConfirmationDays)),
            FourEyesRequired,
            new Yen(Whole(Budget, nameof(Budget))));
        return ok ? settings : null;
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
