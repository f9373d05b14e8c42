using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

public sealed record NoticeLine(Guid LineId, DateTimeOffset SessionStart, DateTimeOffset SessionEnd, string Counterpart, int BillableMinutes,
    Yen HourlyFee, Yen Fee, Yen Subsidy, Yen CompanyShare, DateOnly? ShareReceivedOn, ClaimLineStatus Status, string? RejectionReason);

/// <summary>支払決定通知: what the office pays one expert for one batch, and when, into which account (masked).</summary>
public sealed record PaymentNotice(
    Guid ClaimId, Guid BatchId, string ExpertName, DateTimeOffset? PeriodStart, DateTimeOffset PeriodEnd, DateTimeOffset ApprovedAt,
    DateOnly PaymentDate, string? BankAccountMasked, Yen ApprovedSubsidy, int ApprovedLines, IReadOnlyList<NoticeLine> Lines,
    ClaimPaymentStatus PaymentStatus = ClaimPaymentStatus.Unpaid, DateOnly? PaidOn = null, string? ReturnReason = null)
{
    public NoticeTotals Totals => NoticeTotals.Of(Lines);
}

/// <summary>An expert's payment notice (their own only), or any for the office; null (404) for everyone else or before approval.</summary>
[AnySignedIn]
public sealed record GetPaymentNoticeQuery(Guid ClaimId) : IQuery<PaymentNotice?>;

public sealed class GetPaymentNoticeHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetPaymentNoticeQuery, PaymentNotice?>
{
    public async ValueTask<PaymentNotice?> Handle(GetPaymentNoticeQuery query, CancellationToken ct)
    {
        var office = user.IsOffice();
        var userId = user.Id;
        var head = await (from c in db.Claims.AsNoTracking()
                          where c.Id == query.ClaimId
                          join b in db.ClaimBatches on c.BatchId equals b.Id
                          where b.Status != ClaimBatchStatus.Reviewing
                          join e in db.Experts on c.ExpertId equals e.Id
                          where office || e.UserId == userId
                          select new { c, b.PeriodStart, b.PeriodEnd, b.ApprovedAt, b.PaymentDate, e.DisplayName, e.BankAccount }).SingleOrDefaultAsync(ct);
        if (head is null) return null;
        var lines = await (from l in db.ClaimLines.AsNoTracking()
                           where l.ClaimId == head.c.Id
                           join co in db.Companies on l.CompanyId equals co.Id
                           join r in db.SessionReports on l.Id equals r.Id
                           orderby l.SessionStart, l.Id
                           select new NoticeLine(l.Id, l.SessionStart, l.SessionEnd, co.Name, l.BillableMinutes, l.HourlyFee, l.Fee, l.Subsidy,
                               l.CompanyShare, r.CompanyShareReceivedOn, l.Status, l.RejectionReason)).ToListAsync(ct);
        return new PaymentNotice(head.c.Id, head.c.BatchId, head.DisplayName, head.PeriodStart, head.PeriodEnd, head.ApprovedAt!.Value,
            head.PaymentDate!.Value, Mask(head.BankAccount), head.c.ApprovedSubsidy, head.c.ApprovedLineCount, lines,
            head.c.PaymentStatus, head.c.PaidOn, head.c.PaymentStatus == ClaimPaymentStatus.Returned ? head.c.ReturnReason : null);
    }

    /// <summary>0001-001 普通 ****567 ﾔﾏﾀﾞ ﾀﾛｳ: enough to recognise the account, not enough to use it.</summary>
    public static string? Mask(BankAccount? account) => account is null ? null
        : $"{account.BankCode}-{account.BranchCode} {(account.AccountType == BankAccountType.Ordinary ? "普通" : "当座")} ****{account.AccountNumber[^3..]} {account.HolderName}";
}
