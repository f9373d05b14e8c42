using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Dashboard;

/// <summary>
/// The office dashboard of one programme round. "Used" is the settled subsidy (settle rows minus reverse rows of the
/// ledger); "reserved" is what confirmed, not yet settled bookings hold (reserve rows minus release rows).
/// </summary>
public sealed record OfficeDashboard(
    DashboardRound Round,
    IReadOnlyList<DashboardRoundOption> Rounds,
    BudgetUse Budget,
    IReadOnlyList<BudgetPoint> Timeline,
    IReadOnlyList<PrefectureUse> Prefectures,
    IReadOnlyList<SkillUse> Skills,
    IReadOnlyList<BatchStateSummary> Batches,
    IReadOnlyList<OverdueGroup> Overdue,
    DateTimeOffset AsOf);

public sealed record DashboardRound(Guid Id, string Name, DateOnly PeriodStart, DateOnly PeriodEnd, bool IsActive);

/// <summary>A round for the selector, newest first.</summary>
public sealed record DashboardRoundOption(Guid Id, string Name, bool IsActive);

/// <summary>The budget against what is used and reserved; <see cref="Remaining"/> is negative when overcommitted.</summary>
public sealed record BudgetUse(Yen Budget, Yen Used, Yen Reserved)
{
    public Yen Remaining => Budget - Used - Reserved;
}

/// <summary>The cumulative used and reserved amounts at the end of a Tokyo day on which the ledger moved.</summary>
public sealed record BudgetPoint(DateOnly Date, Yen Used, Yen Reserved);

/// <summary>Use by the company's prefecture (where the supported business is): all 47, most used first.</summary>
public sealed record PrefectureUse(short Code, Yen Used, Yen Reserved, int Companies);

/// <summary>Use by the plan's skill (see README: the case's first skill, else the expert's main skill); Code null = 未分類.</summary>
public sealed record SkillUse(string? Code, string? NameJa, string? NameEn, Yen Used, Yen Reserved, int Plans);

/// <summary>
/// The batches in one state. The amounts add up as the page shows them: fee = company share + claimed subsidy, and the
/// claimed subsidy = approved (what the state pays) + rejected (never paid) + undecided (still under review).
/// </summary>
public sealed record BatchStateSummary(ClaimBatchStatus Status, int Batches, int Lines, Yen TotalFee, Yen TotalSubsidy, Yen TotalCompanyShare,
    Yen ApprovedSubsidy, Yen RejectedSubsidy, Yen UndecidedSubsidy);

public enum OverdueKind
{
    /// <summary>Session reports the company let pass its confirmation window (see FlagOverdueReports).</summary>
    ReportsUnconfirmed,
    /// <summary>Claim batches still under review long after their period closed.</summary>
    BatchesInReview,
    /// <summary>Approved claim batches not yet exported for payment.</summary>
    BatchesNotExported,
    /// <summary>Experts waiting for vetting.</summary>
    ExpertsPending,
}

/// <summary>One kind of overdue item: how many, the threshold in days, and the oldest few to act on.</summary>
public sealed record OverdueGroup(OverdueKind Kind, int ThresholdDays, int Count, IReadOnlyList<OverdueItem> Oldest);

/// <param name="Name">Who it concerns: company and expert for a report, the expert's name, null for a batch.</param>
/// <param name="Since">Since when it waits: the report's deadline, the batch's creation or approval, the expert's registration.</param>
/// <param name="PeriodEnd">The closing of a batch's claim period.</param>
public sealed record OverdueItem(Guid Id, string? Name, DateTimeOffset Since, DateTimeOffset? PeriodEnd);

/// <summary>When something counts as overdue. Fixed for now; the README explains each.</summary>
public static class OverdueThresholds
{
    /// <summary>Reports: any day past the company's window (the round's ReportConfirmationDays) is overdue.</summary>
    public const int ReportDays = 0;
    /// <summary>A batch should be decided within two weeks of its closing (payments follow a month after approval).</summary>
    public const int BatchReviewDays = 14;
    /// <summary>An approved batch should go to the bank within a few days.</summary>
    public const int BatchExportDays = 3;
    /// <summary>Experts should hear back within a week of registering.</summary>
    public const int ExpertPendingDays = 7;
    /// <summary>How many of the oldest items each group lists.</summary>
    public const int Listed = 10;
}
