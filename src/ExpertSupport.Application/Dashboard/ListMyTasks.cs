using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Dashboard;

/// <summary>What a person has to do next; each kind is done on one page (the Web layer knows which).</summary>
public enum TaskKind
{
    // A company's
    ProposalToAnswer,
    PlanToAgree,
    PlanSentBack,
    SubsidyOfferToAnswer,
    ReportToConfirm,
    // An expert's
    BookingToConfirm,
    ReportToFile,
    ReportToCorrect,
    ShareToRecord,
    // The office's
    ExpertToVet,
    ChangeToReview,
    PlanToReview,
    BatchToReview,
    BatchToExport,
    BatchToMarkPaid,
}

/// <param name="TargetId">The object the task is done on (the page's id): a case, plan, booking, report, expert or batch.</param>
/// <param name="Subject">What people call it: a title, "company ／ expert", a name. Null for a batch (its dates say it).</param>
/// <param name="Since">Since when it waits; the list is oldest first.</param>
/// <param name="Due">When it must be done by, where there is a deadline.</param>
public sealed record OpenTask(TaskKind Kind, Guid TargetId, string? Subject, DateTimeOffset Since, DateTimeOffset? Due);

/// <summary>
/// The signed-in person's open tasks, oldest first: what a company, an expert or the office has to do next. At most
/// <see cref="PerKind"/> of each kind (the oldest); the lists behind them hold the rest.
/// </summary>
[AnySignedIn]
public sealed record ListMyTasksQuery : IQuery<IReadOnlyList<OpenTask>>
{
    public const int PerKind = 10;
}

public sealed class ListMyTasksHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListMyTasksQuery, IReadOnlyList<OpenTask>>
{
    private const int N = ListMyTasksQuery.PerKind;

    public async ValueTask<IReadOnlyList<OpenTask>> Handle(ListMyTasksQuery query, CancellationToken ct)
    {
        var userId = user.RequiredId();
        var tasks = new List<OpenTask>();
        if (user.IsOffice()) tasks.AddRange(await OfficeAsync(ct));
        if (user.IsInRole(Roles.Company) && await db.Companies.Where(c => c.UserId == userId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct) is { } companyId)
            tasks.AddRange(await CompanyAsync(companyId, ct));
        if (user.IsInRole(Roles.Expert) && await db.Experts.Where(e => e.UserId == userId).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct) is { } expertId)
            tasks.AddRange(await ExpertAsync(expertId, ct));
        return [.. tasks.OrderBy(t => t.Since).ThenBy(t => t.Kind).ThenBy(t => t.TargetId)];
    }

    private async Task<List<OpenTask>> CompanyAsync(Guid companyId, CancellationToken ct)
    {
        var tasks = new List<OpenTask>();
        tasks.AddRange(await (from p in db.Proposals.AsNoTracking()
                              where p.CompanyId == companyId && p.Status == ProposalStatus.Pending
                              join e in db.Experts on p.ExpertId equals e.Id
                              orderby p.CreatedAt
                              select new OpenTask(TaskKind.ProposalToAnswer, p.CaseId, p.Title + " ／ " + e.DisplayName, p.CreatedAt, null)).Take(N).ToListAsync(ct));
        tasks.AddRange(await db.SupportPlans.AsNoTracking()
            .Where(p => p.CompanyId == companyId && p.Status == SupportPlanStatus.Draft && p.CompanyAgreedAt == null).OrderBy(p => p.UpdatedAt)
            .Select(p => new OpenTask(TaskKind.PlanToAgree, p.Id, p.Title, p.UpdatedAt, null)).Take(N).ToListAsync(ct));
        tasks.AddRange(await SentBackAsync(db.SupportPlans.Where(p => p.CompanyId == companyId), ct));
        tasks.AddRange(await db.Bookings.AsNoTracking()
            .Where(b => b.CompanyId == companyId && b.Status == BookingStatus.Requested && b.OfferedSubsidy != null && b.ExpiresAt > clock.GetUtcNow())
            .OrderBy(b => b.RequestedAt)
            .Select(b => new OpenTask(TaskKind.SubsidyOfferToAnswer, b.Id, null, b.RequestedAt, b.ExpiresAt)).Take(N).ToListAsync(ct));
        tasks.AddRange(await (from r in db.SessionReports.AsNoTracking()
                              where r.CompanyId == companyId && r.Status == SessionReportStatus.Submitted
                              join e in db.Experts on r.ExpertId equals e.Id
                              orderby r.SubmittedAt
                              select new OpenTask(TaskKind.ReportToConfirm, r.Id, e.DisplayName, r.SubmittedAt, r.RespondBy)).Take(N).ToListAsync(ct));
        return tasks;
    }

    private async Task<List<OpenTask>> ExpertAsync(Guid expertId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tasks = new List<OpenTask>();
        // A request past its expiry is no longer the expert's to answer (the expiry job will close it).
        tasks.AddRange(await (from b in db.Bookings.AsNoTracking()
                              where b.ExpertId == expertId && b.Status == BookingStatus.Requested && b.OfferedSubsidy == null && b.ExpiresAt > now
                              join c in db.Companies on b.CompanyId equals c.Id
                              orderby b.RequestedAt
                              select new OpenTask(TaskKind.BookingToConfirm, b.Id, c.Name, b.RequestedAt, b.ExpiresAt)).Take(N).ToListAsync(ct));
        tasks.AddRange(await (from b in db.Bookings.AsNoTracking()
                              where b.ExpertId == expertId
                                  && (b.Status == BookingStatus.Completed || (b.Status == BookingStatus.Confirmed && b.EndAt <= now))
                                  && !db.SessionReports.Any(r => r.BookingId == b.Id)
                              join c in db.Companies on b.CompanyId equals c.Id
                              orderby b.EndAt
                              select new OpenTask(TaskKind.ReportToFile, b.Id, c.Name, b.EndAt, null)).Take(N).ToListAsync(ct));
        tasks.AddRange(await (from r in db.SessionReports.AsNoTracking()
                              where r.ExpertId == expertId && r.Status == SessionReportStatus.Disputed
                              join c in db.Companies on r.CompanyId equals c.Id
                              orderby r.DisputedAt
                              select new OpenTask(TaskKind.ReportToCorrect, r.Id, c.Name, r.DisputedAt ?? r.SubmittedAt, null)).Take(N).ToListAsync(ct));
        tasks.AddRange(await (from r in db.SessionReports.AsNoTracking()
                              where r.ExpertId == expertId && r.Status == SessionReportStatus.Confirmed && r.CompanyShareReceivedOn == null
                                  && r.CompanyShare != null && (long)r.CompanyShare > 0
                              join c in db.Companies on r.CompanyId equals c.Id
                              orderby r.ConfirmedAt
                              select new OpenTask(TaskKind.ShareToRecord, r.Id, c.Name, r.ConfirmedAt ?? r.SubmittedAt, null)).Take(N).ToListAsync(ct));
        tasks.AddRange(await db.SupportPlans.AsNoTracking()
            .Where(p => p.ExpertId == expertId && p.Status == SupportPlanStatus.Draft && p.ExpertAgreedAt == null).OrderBy(p => p.UpdatedAt)
            .Select(p => new OpenTask(TaskKind.PlanToAgree, p.Id, p.Title, p.UpdatedAt, null)).Take(N).ToListAsync(ct));
        tasks.AddRange(await SentBackAsync(db.SupportPlans.Where(p => p.ExpertId == expertId), ct));
        return tasks;
    }

    private async Task<List<OpenTask>> OfficeAsync(CancellationToken ct)
    {
        var tasks = new List<OpenTask>();
        tasks.AddRange(await db.Experts.AsNoTracking().Where(e => e.Status == ExpertStatus.Pending).OrderBy(e => e.CreatedAt)
            .Select(e => new OpenTask(TaskKind.ExpertToVet, e.Id, e.DisplayName, e.CreatedAt, null)).Take(N).ToListAsync(ct));
        tasks.AddRange(await (from r in db.ExpertChangeRequests.AsNoTracking()
                              where r.Status == ChangeRequestStatus.Pending
                              join e in db.Experts on r.ExpertId equals e.Id
                              orderby r.RequestedAt
                              select new OpenTask(TaskKind.ChangeToReview, e.Id, e.DisplayName, r.RequestedAt, null)).Take(N).ToListAsync(ct));
        tasks.AddRange(await (from p in db.SupportPlans.AsNoTracking()
                              where p.Status == SupportPlanStatus.Submitted
                              join c in db.Companies on p.CompanyId equals c.Id
                              orderby p.SubmittedAt
                              select new OpenTask(TaskKind.PlanToReview, p.Id, p.Title + " ／ " + c.Name, p.SubmittedAt ?? p.UpdatedAt, null)).Take(N).ToListAsync(ct));
        tasks.AddRange(await Batches(ClaimBatchStatus.Reviewing, TaskKind.BatchToReview).ToListAsync(ct));
        tasks.AddRange(await Batches(ClaimBatchStatus.Approved, TaskKind.BatchToExport).ToListAsync(ct));
        tasks.AddRange(await (from b in db.ClaimBatches.AsNoTracking()
                              where b.Status == ClaimBatchStatus.Exported
                                  && db.Claims.Any(c => c.BatchId == b.Id && (long)c.ApprovedSubsidy > 0 && c.PaymentStatus != ClaimPaymentStatus.Paid)
                              orderby b.ExportedAt
                              select new OpenTask(TaskKind.BatchToMarkPaid, b.Id, null, b.ExportedAt ?? b.CreatedAt, null)).Take(N).ToListAsync(ct));
        return tasks;

        IQueryable<OpenTask> Batches(ClaimBatchStatus status, TaskKind kind) =>
            db.ClaimBatches.AsNoTracking().Where(b => b.Status == status).OrderBy(b => b.PeriodEnd)
                .Select(b => new OpenTask(kind, b.Id, null, b.ApprovedAt ?? b.CreatedAt, null)).Take(N);
    }

    private static async Task<List<OpenTask>> SentBackAsync(IQueryable<SupportPlan> plans, CancellationToken ct) =>
        await plans.AsNoTracking().Where(p => p.Status == SupportPlanStatus.SentBack).OrderBy(p => p.UpdatedAt)
            .Select(p => new OpenTask(TaskKind.PlanSentBack, p.Id, p.Title, p.UpdatedAt, null)).Take(N).ToListAsync(ct);
}
