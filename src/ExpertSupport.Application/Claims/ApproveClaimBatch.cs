using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Documents;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>What an approval fixed: the payment date and the amounts.</summary>
public sealed record ClaimBatchApproved(Guid BatchId, DateOnly PaymentDate, int ApprovedLines, int RejectedLines, Yen ApprovedSubsidy, int Experts);

/// <summary>
/// The office approves a batch whose lines are all decided. With four eyes (the round's setting) the approver must not
/// have decided any of its lines. Approval fixes the payment date (<see cref="Domain.Payments.PaymentDate"/>), writes each
/// expert's approved total on the claim (set-based), issues the invoices and payment notices (<see cref="DocumentIssuer"/>) and e-mails each expert paid something a payment decision notice.
/// </summary>
[OfficeOnly]
public sealed record ApproveClaimBatchCommand(Guid BatchId) : ICommand<Result<ClaimBatchApproved>>;

public sealed class ApproveClaimBatchHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Outbox outbox)
    : ICommandHandler<ApproveClaimBatchCommand, Result<ClaimBatchApproved>>
{
    public async ValueTask<Result<ClaimBatchApproved>> Handle(ApproveClaimBatchCommand cmd, CancellationToken ct)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(15));
        var batch = await ClaimAccess.LockBatchAsync(db, cmd.BatchId, ct);
        if (batch is null) return ClaimErrors.BatchNotFound;
        var approver = user.RequiredId();
        var fourEyes = await db.ProgrammeRounds.Where(r => r.Id == batch.RoundId).Select(r => r.FourEyesRequired).SingleAsync(ct);

        var counts = await db.ClaimLines.Where(l => l.BatchId == batch.Id).GroupBy(l => l.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Subsidy = g.Sum(l => (long)l.Subsidy) }).ToListAsync(ct);
        int Count(ClaimLineStatus s) => counts.Where(c => c.Status == s).Sum(c => c.Count);
        var decidedByApprover = await db.ClaimLines.AnyAsync(l => l.BatchId == batch.Id && l.DecidedByUserId == approver, ct);
        var decisions = new BatchDecisions(Count(ClaimLineStatus.Pending), Count(ClaimLineStatus.Approved), Count(ClaimLineStatus.Rejected),
            new Yen(counts.Where(c => c.Status == ClaimLineStatus.Approved).Sum(c => c.Subsidy)), decidedByApprover);

        var now = clock.GetUtcNow();
        var approved = batch.Approve(decisions, fourEyes, approver, now);
        if (approved.IsFailure) return Result<ClaimBatchApproved>.Failure(approved.Errors);

        await db.Database.ExecuteSqlAsync($"""
            UPDATE claims c SET approved_line_count = a.lines, approved_subsidy = a.subsidy
            FROM (SELECT claim_id, count(*) AS lines, sum(subsidy) AS subsidy FROM claim_lines
                  WHERE batch_id = {batch.Id} AND status = 'Approved' GROUP BY claim_id) a
            WHERE c.id = a.claim_id
            """, ct);
        var paid = await (from c in db.Claims
                          where c.BatchId == batch.Id && (long)c.ApprovedSubsidy > 0
                          join e in db.Experts on c.ExpertId equals e.Id
                          join u in db.Users on e.UserId equals u.Id
                          orderby c.Id
                          select new { c.Id, u.Email, e.DisplayName, c.ApprovedSubsidy, c.ApprovedLineCount }).ToListAsync(ct);
        await DocumentIssuer.IssueForBatchAsync(db, batch.Id, now, ct);
        foreach (var p in paid.Where(p => p.Email is not null))
            ClaimEmails.PaymentDecided(outbox, p.Email!, p.DisplayName, p.ApprovedSubsidy, p.ApprovedLineCount, batch.PaymentDate!.Value, p.Id);
        await db.SaveChangesAsync(ct);
        return new ClaimBatchApproved(batch.Id, batch.PaymentDate!.Value, decisions.Approved, decisions.Rejected, decisions.ApprovedSubsidy, paid.Count);
    }
}
