using System.Globalization;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Subsidies;

/// <summary>
/// A programme round (制度年度): its period in Asia/Tokyo and every number of the money rules. The round
/// whose period contains today's Tokyo date is the active one; periods never overlap (the database refuses it).
/// </summary>
public sealed class ProgrammeRound : AuditedEntity
{
    private ProgrammeRound() { }

    public string Name { get; private set; } = "";
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public Yen HourlySubsidyCeiling { get; private set; }
    public Yen CompanyMinimumPerHour { get; private set; }
    public Yen CompanyCap { get; private set; }
    public Yen ExpertCap { get; private set; }
    public int TimeUnitMinutes { get; private set; }
    /// <summary>New support plans are accepted until this day.</summary>
    public DateOnly ApplicationDeadline { get; private set; }
    /// <summary>Sessions must end by this day.</summary>
    public DateOnly SupportEndDate { get; private set; }
    public int MaxPlanMonths { get; private set; }
    /// <summary>When claim periods close: a cron in Asia/Tokyo.</summary>
    public string ClaimBatchCron { get; private set; } = "";
    /// <summary>A cancellation closer than this to the start counts as late.</summary>
    public int LateCancellationHours { get; private set; }
    /// <summary>A booking request the expert has not confirmed within this expires.</summary>
    public int BookingRequestExpiryHours { get; private set; }
    /// <summary>The company confirms or disputes a session report within this many days.</summary>
    public int ReportConfirmationDays { get; private set; }
    /// <summary>The person approving a claim batch must differ from the one exporting it.</summary>
    public bool FourEyesRequired { get; private set; }
    /// <summary>予算額: what the round may pay in subsidy in total; the office dashboard measures use against it.</summary>
    public Yen Budget { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public SubsidyRules Rules => new(HourlySubsidyCeiling, CompanyMinimumPerHour, CompanyCap, ExpertCap, TimeUnitMinutes);

    public bool Contains(DateOnly date) => PeriodStart <= date && date <= PeriodEnd;

    public ProgrammeRoundSettings Settings => new(
        Name, PeriodStart, PeriodEnd, HourlySubsidyCeiling, CompanyMinimumPerHour, CompanyCap, ExpertCap, TimeUnitMinutes,
        ApplicationDeadline, SupportEndDate, MaxPlanMonths, ClaimBatchCron, LateCancellationHours, BookingRequestExpiryHours,
        ReportConfirmationDays, FourEyesRequired, Budget);

    public static Result<ProgrammeRound> Create(ProgrammeRoundSettings settings, Guid? actorUserId, DateTimeOffset now, string? reason = null)
    {
        var errors = settings.Validate();
        if (errors.Count > 0) return Result<ProgrammeRound>.Failure(errors);
        var round = new ProgrammeRound { CreatedAt = now };
        round.Apply(settings, now);
        round.RecordTransition(null, "Created", actorUserId, now, reason ?? round.Describe());
        return round;
    }

    public static readonly Error Unchanged = Error.Conflict("round.unchanged");

    /// <summary>Changes the settings; the audit entry lists every changed value, old → new. Saving the same settings again is refused: that change has already happened.</summary>
    public Result Update(ProgrammeRoundSettings settings, Guid actorUserId, DateTimeOffset now)
    {
        var errors = settings.Validate();
        if (errors.Count > 0) return Result.Failure(errors);
        var changes = Diff(Settings, settings with { Name = settings.Name.Trim(), ClaimBatchCron = settings.ClaimBatchCron.Trim() });
        if (changes.Length == 0) return Unchanged;
        Apply(settings, now);
        RecordTransition(null, "Updated", actorUserId, now, changes);
        return Result.Success;
    }

    private void Apply(ProgrammeRoundSettings s, DateTimeOffset now)
    {
        Name = s.Name.Trim();
        PeriodStart = s.PeriodStart;
        PeriodEnd = s.PeriodEnd;
        HourlySubsidyCeiling = s.HourlySubsidyCeiling;
        CompanyMinimumPerHour = s.CompanyMinimumPerHour;
        CompanyCap = s.CompanyCap;
        ExpertCap = s.ExpertCap;
        TimeUnitMinutes = s.TimeUnitMinutes;
        ApplicationDeadline = s.ApplicationDeadline;
        SupportEndDate = s.SupportEndDate;
        MaxPlanMonths = s.MaxPlanMonths;
        ClaimBatchCron = s.ClaimBatchCron.Trim();
        LateCancellationHours = s.LateCancellationHours;
        BookingRequestExpiryHours = s.BookingRequestExpiryHours;
        ReportConfirmationDays = s.ReportConfirmationDays;
        FourEyesRequired = s.FourEyesRequired;
        Budget = s.Budget;
        UpdatedAt = now;
    }

    private string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {PeriodStart:yyyy-MM-dd}〜{PeriodEnd:yyyy-MM-dd}, 補助上限 {HourlySubsidyCeiling.Value}/h, 企業負担下限 {CompanyMinimumPerHour.Value}/h, 上限 企業 {CompanyCap.Value} 専門家 {ExpertCap.Value}, 予算額 {Budget.Value}");

    private static string Diff(ProgrammeRoundSettings before, ProgrammeRoundSettings after)
    {
        var changes = new List<string>();
        foreach (var property in typeof(ProgrammeRoundSettings).GetProperties())
        {
            var (old, now) = (Format(property.GetValue(before)), Format(property.GetValue(after)));
            if (old != now) changes.Add($"{property.Name}: {old} → {now}");
        }
        var text = string.Join("; ", changes);
        return text.Length <= 2000 ? text : text[..1999] + "…";
    }

    private static string Format(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // The audit trail has always written amounts as bare numbers.
        Yen y => y.Value.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };
}
