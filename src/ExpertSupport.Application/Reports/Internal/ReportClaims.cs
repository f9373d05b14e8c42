using ExpertSupport.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Reports;

/// <summary>
/// Whether a session has been claimed, i.e. a claim line points at its report. The expert may correct the record of
/// the company's share, and the office may reverse the settled subsidy here, only until then; afterwards the claim
/// review decides (rejecting the claim line reverses the subsidy).
/// </summary>
public static class ReportClaims
{
    public static Task<bool> IsClaimedAsync(AppDbContext db, Guid reportId, CancellationToken ct) =>
        db.ClaimLines.AnyAsync(l => l.Id == reportId, ct);
}
