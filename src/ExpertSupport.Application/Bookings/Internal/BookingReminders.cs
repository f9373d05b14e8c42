using ExpertSupport.Domain.Bookings;
using Hangfire;
using Mediator;

namespace ExpertSupport.Application.Bookings;

/// <summary>
/// Reminders 24 hours and 1 hour before a confirmed session, as Hangfire scheduled jobs. The job ids are kept on the
/// booking so that a cancellation deletes them. Hangfire's storage is not in the command's transaction, so a job may
/// outlive a rolled-back command: the job only sends <see cref="SendBookingReminderCommand"/>, which checks the
/// booking again and does nothing unless it is still confirmed and not yet reminded.
/// </summary>
public sealed class BookingReminders(IBackgroundJobClient jobs, TimeProvider clock)
{
    public static readonly TimeSpan DayBefore = TimeSpan.FromHours(24);
    public static readonly TimeSpan HourBefore = TimeSpan.FromHours(1);

    /// <summary>Schedules the reminders still ahead (a session confirmed 10 hours before gets only the 1-hour one).</summary>
    public void Schedule(Booking booking)
    {
        var now = clock.GetUtcNow();
        string? At(ReminderKind kind, TimeSpan before)
        {
            var when = booking.StartAt - before;
            if (when <= now) return null;
            var id = booking.Id;
            return jobs.Schedule<BookingReminderJob>(job => job.Run(id, kind, CancellationToken.None), when);
        }
        booking.SetReminderJobs(At(ReminderKind.DayBefore, DayBefore), At(ReminderKind.HourBefore, HourBefore));
    }

    /// <summary>Deletes the booking's reminder jobs (the session will not happen).</summary>
    public void Cancel(Booking booking)
    {
        foreach (var id in booking.TakeReminderJobs()) jobs.Delete(id);
    }
}

/// <summary>The scheduled reminder: sends the command, which re-checks the booking; a stray or second delivery does nothing.</summary>
public sealed class BookingReminderJob(ISender sender)
{
    public async Task Run(Guid bookingId, ReminderKind kind, CancellationToken ct) =>
        await sender.Send(new SendBookingReminderCommand(bookingId, kind), ct);
}
