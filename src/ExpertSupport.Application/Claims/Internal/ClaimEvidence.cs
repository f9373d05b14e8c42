using ExpertSupport.Application.Data;

namespace ExpertSupport.Application.Claims;

/// <summary>
/// The "no evidence" flag. Evidence can still be added while a batch is reviewed, so it is looked up when lines are
/// shown (not stored with the line's other flags). Kept in one place: LINQ for lists and filters, SQL for the bulk approval.
/// </summary>
public static class ClaimEvidence
{
    /// <summary>The ids of session reports without any evidence.</summary>
    public static IQueryable<Guid> ReportsWithoutEvidence(AppDbContext db) =>
        db.SessionReports.Where(r => !db.ReportEvidence.Any(e => e.SessionReportId == r.Id)).Select(r => r.Id);

    /// <summary>True for a line (<c>claim_lines l</c>) whose report has evidence.</summary>
    public const string SqlLineHasEvidence = "EXISTS (SELECT 1 FROM session_report_evidence e WHERE e.session_report_id = l.session_report_id)";
}
