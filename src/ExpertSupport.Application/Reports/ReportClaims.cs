using ExpertSupport.Application.Data;

namespace ExpertSupport.Application.Reports;

/// <summary>
/// Whether a session has been claimed, i.e. a claim line points at its report. The expert may correct the record of
/// the company's share, and the office may reverse the settled subsidy here, only until then; afterwards the claim
/// review decides (rejecting the claim line reverses the subsidy).
/// <para>
/// Hook for the claim batches (issue 8): this answers false until the table <c>claim_lines</c> (with
/// <c>session_report_id</c>) exists. The claims feature fills in the body, e.g.
/// <c>db.ClaimLines.AnyAsync(l =&gt; l.SessionReportId == reportId, ct)</c> — every caller (receipt, office correction,
/// report detail) then respects it without further changes.
/// </para>
/// </summary>
public static class ReportClaims
{
    public static Task<bool> IsClaimedAsync(AppDbContext db, Guid reportId, CancellationToken ct)
    {
        _ = (db, reportId, ct);
        return Task.FromResult(false);
    }
}
