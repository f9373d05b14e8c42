using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Experts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

public sealed record NoticeLine(Guid LineId, DateTimeOffset SessionStart, DateTimeOffset SessionEnd, string Counterpart, int BillableMinutes,
    long HourlyFee, long Fee, long Subsidy, long CompanyShare, DateOnly? ShareReceivedOn, ClaimLineStatus Status, string? RejectionReason);

/// <summary>支払決定通知: what the office pays one expert for one batch, and when, into which account (masked).</summary>
public sealed record PaymentNotice(
    Guid ClaimId, Guid BatchId, string ExpertName, DateTimeOffset? PeriodStart, DateTimeOffset PeriodEnd, DateTimeOffset ApprovedAt,
    DateOnly PaymentDate, string? BankAccountMasked, long ApprovedSubsidy, int ApprovedLines, IReadOnlyList<NoticeLine> Lines,
    ClaimPaymentStatus PaymentStatus = ClaimPaymentStatus.Unpaid, DateOnly? PaidOn = null, string? ReturnReason = null);

/// <summary>実費請求: one company's share of the sessions in one batch (paid to the expert), beside what the state pays.</summary>
public sealed record ShareNotice(
    Guid BatchId, Guid CompanyId, string CompanyName, string Address, DateTimeOffset? PeriodStart, DateTimeOffset PeriodEnd, DateTimeOffset ApprovedAt,
    long TotalFee, long TotalCompanyShare, long ApprovedSubsidy, IReadOnlyList<NoticeLine> Lines);

/// <summary>A notice in "my notices"; for an expert also the payment (null for a company's share notice).</summary>
public sealed record MyClaimNotice(Guid BatchId, Guid? ClaimId, DateTimeOffset PeriodEnd, DateTimeOffset ApprovedAt, DateOnly PaymentDate, int Lines, long Amount,
    ClaimPaymentStatus? PaymentStatus = null, DateOnly? PaidOn = null, string? ReturnReason = null);

/// <summary>An expert's payment notice (their own only), or any for the office; null (404) for everyone else or before approval.</summary>
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

/// <summary>
/// A company's share notice for one batch (its own only; without <see cref="CompanyId"/> the signed-in company's), or any
/// for the office; null (404) otherwise.
/// </summary>
public sealed record GetShareNoticeQuery(Guid BatchId, Guid? CompanyId = null) : IQuery<ShareNotice?>;

public sealed class GetShareNoticeHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetShareNoticeQuery, ShareNotice?>
{
    public async ValueTask<ShareNotice?> Handle(GetShareNoticeQuery query, CancellationToken ct)
    {
        var office = user.IsOffice();
        var userId = user.Id;
        var head = await (from b in db.ClaimBatches.AsNoTracking()
                          where b.Id == query.BatchId && b.Status != ClaimBatchStatus.Reviewing
                          from co in db.Companies
                          where query.CompanyId == null ? co.UserId == userId : co.Id == query.CompanyId && (office || co.UserId == userId)
                          select new { b.PeriodStart, b.PeriodEnd, b.ApprovedAt, co.Id, co.Name, co.Address }).SingleOrDefaultAsync(ct);
        if (head is null) return null;
        var lines = await (from l in db.ClaimLines.AsNoTracking()
                           where l.BatchId == query.BatchId && l.CompanyId == head.Id
                           join e in db.Experts on l.ExpertId equals e.Id
                           join r in db.SessionReports on l.Id equals r.Id
                           orderby l.SessionStart, l.Id
                           select new NoticeLine(l.Id, l.SessionStart, l.SessionEnd, e.DisplayName, l.BillableMinutes, l.HourlyFee, l.Fee, l.Subsidy,
                               l.CompanyShare, r.CompanyShareReceivedOn, l.Status, l.RejectionReason)).ToListAsync(ct);
        if (lines.Count == 0) return null;
        return new ShareNotice(query.BatchId, head.Id, head.Name, head.Address, head.PeriodStart, head.PeriodEnd, head.ApprovedAt!.Value,
            lines.Sum(l => l.Fee), lines.Sum(l => l.CompanyShare), lines.Where(l => l.Status == ClaimLineStatus.Approved).Sum(l => l.Subsidy), lines);
    }
}

/// <summary>
/// The signed-in expert's payment notices, or the signed-in company's share notices: one per approved batch they are in,
/// newest first.
/// </summary>
public sealed record ListMyClaimNoticesQuery : IQuery<IReadOnlyList<MyClaimNotice>>;

public sealed class ListMyClaimNoticesHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<ListMyClaimNoticesQuery, IReadOnlyList<MyClaimNotice>>
{
    public async ValueTask<IReadOnlyList<MyClaimNotice>> Handle(ListMyClaimNoticesQuery query, CancellationToken ct)
    {
        var userId = user.Id;
        var approved = db.ClaimBatches.AsNoTracking().Where(b => b.Status != ClaimBatchStatus.Reviewing);
        if (user.IsInRole(Domain.Common.Roles.Expert))
            return await (from c in db.Claims.AsNoTracking()
                          join e in db.Experts on c.ExpertId equals e.Id
                          where e.UserId == userId
                          join b in approved on c.BatchId equals b.Id
                          orderby b.PeriodEnd descending, c.Id
                          select new MyClaimNotice(b.Id, c.Id, b.PeriodEnd, b.ApprovedAt!.Value, b.PaymentDate!.Value, c.ApprovedLineCount, c.ApprovedSubsidy,
                              c.PaymentStatus, c.PaidOn, c.PaymentStatus == ClaimPaymentStatus.Returned ? c.ReturnReason : null))
                .ToListAsync(ct);
        if (user.IsInRole(Domain.Common.Roles.Company))
            return await (from l in db.ClaimLines.AsNoTracking()
                          join co in db.Companies on l.CompanyId equals co.Id
                          where co.UserId == userId
                          join b in approved on l.BatchId equals b.Id
                          group l by new { b.Id, b.PeriodEnd, b.ApprovedAt, b.PaymentDate } into g
                          orderby g.Key.PeriodEnd descending
                          select new MyClaimNotice(g.Key.Id, null, g.Key.PeriodEnd, g.Key.ApprovedAt!.Value, g.Key.PaymentDate!.Value, g.Count(), g.Sum(l => l.CompanyShare)))
                .ToListAsync(ct);
        return [];
    }
}
