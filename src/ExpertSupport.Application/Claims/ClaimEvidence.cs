using ExpertSupport.Application.Data;

namespace ExpertSupport.Application.Claims;

/// <summary>
/// The "no evidence" flag, isolated in one place. Evidence files belong to session reports (issue 7), whose table is not
/// on this branch yet: until it is wired here, no report counts as lacking evidence and the flag is never raised.
/// Wiring it is two edits in this file: <see cref="ReportsWithoutEvidence"/> (LINQ, for lists, filters and the line page)
/// and <see cref="SqlLineHasEvidence"/> (SQL over <c>claim_lines l</c>, for the bulk approval).
/// </summary>
public static class ClaimEvidence
{
    /// <summary>The ids of session reports without any evidence. Wired: <c>db.SessionReports.Where(r =&gt; !db.ReportEvidence.Any(e =&gt; e.ReportId == r.Id)).Select(r =&gt; r.Id)</c>.</summary>
    public static IQueryable<Guid> ReportsWithoutEvidence(AppDbContext db) => db.SessionReports.Where(r => false).Select(r => r.Id);

    /// <summary>True for a line whose report has evidence. Wired: <c>EXISTS (SELECT 1 FROM report_evidence e WHERE e.report_id = l.session_report_id)</c>.</summary>
    public const string SqlLineHasEvidence = "TRUE";
}
