using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Documents;
using ExpertSupport.Application.Reports;
using Hangfire;

namespace ExpertSupport.Infrastructure.Jobs;

/// <summary>
/// The recurring jobs, registered at start-up (idempotent: AddOrUpdate by id). Each job only sends commands; the
/// commands lock their rows (SKIP LOCKED), so two servers running the same job at once do not collide.
/// </summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs)
    {
        // Requests expire and sessions complete within five minutes of the moment they are due.
        jobs.AddOrUpdate<BookingHousekeepingJob>("bookings:expire-requests", j => j.ExpireRequests(CancellationToken.None), "*/5 * * * *", HangfireSetup.TokyoTime);
        jobs.AddOrUpdate<BookingHousekeepingJob>("bookings:complete-ended", j => j.CompleteEnded(CancellationToken.None), "*/5 * * * *", HangfireSetup.TokyoTime);
        // Cached next free slots slip into the past as time passes; an hourly pass refreshes those (and only those).
        jobs.AddOrUpdate<BookingHousekeepingJob>("experts:next-free-slot", j => j.RefreshNextFreeSlots(CancellationToken.None), "7 * * * *", HangfireSetup.TokyoTime);
        jobs.AddOrUpdate<BookingHousekeepingJob>("idempotency:purge", j => j.PurgeIdempotencyKeys(CancellationToken.None), "40 3 * * *", HangfireSetup.TokyoTime);
        // Unanswered session reports are flagged to the office once a day, before the office opens (never confirmed by themselves).
        jobs.AddOrUpdate<SessionReportJobs>("reports:flag-overdue", j => j.FlagOverdue(CancellationToken.None), "30 8 * * *", HangfireSetup.TokyoTime);
        // Issued invoices and payment notices get their PDF written (frozen) within a minute of the batch's approval.
        jobs.AddOrUpdate<DocumentJobs>("documents:freeze", j => j.FreezeIssued(CancellationToken.None), "* * * * *", HangfireSetup.TokyoTime);
    }
}
