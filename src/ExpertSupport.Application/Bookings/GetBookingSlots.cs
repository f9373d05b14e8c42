using ExpertSupport.Application.Common;
using ExpertSupport.Application.Companies;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Reference;
using ExpertSupport.Domain.Subsidies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

public sealed record Slot(DateTimeOffset Start, DateTimeOffset End);

/// <summary>One Tokyo date of the slot list; a public holiday carries its name.</summary>
public sealed record SlotDay(DateOnly Date, string? HolidayName, IReadOnlyList<Slot> Slots);

/// <summary>The expected split of one session with the caps left now. Reduced: the caps cut the subsidy, so the company must accept it.</summary>
public sealed record SlotQuote(Yen Fee, Yen SubsidyBeforeCaps, Yen Subsidy, Yen CompanyShare, CapBinding CappedBy, bool Reduced);

/// <summary>
/// What the booking form shows for a plan: its expert's free slots of one length over some days, and the price.
/// <paramref name="Unavailable"/>: why nothing can be booked (the plan, the company, the expert or the dates), an error the
/// edge renders in the reader's language.
/// </summary>
public sealed record BookingSlots(
    Guid PlanId, string PlanTitle, string ExpertName, Yen HourlyFee, DateOnly PlanStart, DateOnly PlanEnd,
    int Minutes, IReadOnlyList<int> MinuteChoices, bool OnlinePossible, bool OnSitePossible,
    DateOnly From, DateOnly To, DateOnly? Previous, DateOnly? Next,
    IReadOnlyList<SlotDay> Days, SlotQuote? Quote, Error? Unavailable);

/// <summary>
/// The free slots of a plan's expert for the company that owns the plan: within the expert's hours (holidays closed
/// unless opted in), after the minimum notice, within the horizon, the plan's dates and the round's support end, and
/// clear of active bookings of the expert (with buffers) and of the company. <paramref name="Replacing"/>: a booking
/// being rescheduled, whose own time counts as free. Null when the plan is not the company's.
/// </summary>
[CompanyOnly]
public sealed record GetBookingSlotsQuery(Guid PlanId, int? Minutes = null, DateOnly? From = null, int Days = 14, Guid? Replacing = null) : IQuery<BookingSlots?>;

public sealed class GetBookingSlotsHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, CapsLeftReader caps)
    : IQueryHandler<GetBookingSlotsQuery, BookingSlots?>
{
    public async ValueTask<BookingSlots?> Handle(GetBookingSlotsQuery q, CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().OwnedBy(user).SingleOrDefaultAsync(ct);
        if (company is null) return null;
        var plan = await db.SupportPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == q.PlanId && p.CompanyId == company.Id, ct);
        if (plan is null) return null;
        var round = await db.ProgrammeRounds.AsNoTracking().SingleAsync(r => r.Id == plan.RoundId, ct);
        var expert = await db.Experts.AsNoTracking().AsSplitQuery().SingleAsync(e => e.Id == plan.ExpertId, ct);
        var availability = await db.ExpertAvailabilities.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(a => a.ExpertId == plan.ExpertId, ct);

        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        var choices = SessionLength.Choices(round.TimeUnitMinutes);
        var minutes = q.Minutes is { } m && choices.Contains(m) ? m : choices[0];
        var days = Math.Clamp(q.Days, 1, 31);
        var last = Min(plan.EndDate, round.SupportEndDate);
        if (availability is not null) last = Min(last, JapanTime.DateOf(now.AddDays(availability.HorizonDays)));
        var first = Max(today, plan.StartDate);
        var from = q.From is { } f && f >= first ? f : first;
        var to = Min(from.AddDays(days - 1), last);
        var quote = await BookingRequester.QuoteAsync(caps, round, plan, minutes, ct);

        var unavailable = plan.Status != SupportPlanStatus.Approved ? PlanErrors.NotApproved
            : company.EnsureCanBook() is { IsFailure: true } c ? c.FirstError
            : expert.EnsureCanBeBooked() is { IsFailure: true } e ? e.FirstError
            : PlanRules.CheckServiceMode(expert.OffersOnline, expert.PrefectureCodes, company.PrefectureCode) is { IsFailure: true } mode ? mode.FirstError
            : availability is null || availability.Weekly.Count + availability.Exceptions.Count == 0 ? BookingErrors.NoHoursPublished
            : to < from ? BookingErrors.NoDaysLeft
            : null;

        var slotDays = new List<SlotDay>();
        if (unavailable is null)
        {
            var windowStart = JapanTime.StartOfDay(from);
            var windowEnd = JapanTime.StartOfDay(to.AddDays(2));
            var blocks = await BusyTime.ExpertBlocksAsync(db, plan.ExpertId, windowStart, windowEnd, q.Replacing, ct);
            var busy = await BusyTime.CompanySessionsAsync(db, company.Id, windowStart, windowEnd, q.Replacing, ct);
            var latestEnd = JapanTime.StartOfDay(last.AddDays(1));
            var slots = SlotFinder.FreeSlots(availability!, new SlotQuery(now, minutes, round.TimeUnitMinutes, from, to, latestEnd), blocks, busy);
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                var day = date;
                slotDays.Add(new SlotDay(date, JapaneseHolidays.Covers(date) ? JapaneseHolidays.NameOf(date) : null,
                    [.. slots.Where(s => JapanTime.DateOf(s.Start) == day).Select(s => new Slot(s.Start, s.End))]));
            }
        }

        return new BookingSlots(
            plan.Id, plan.Title, expert.DisplayName, plan.HourlyFee, plan.StartDate, plan.EndDate, minutes, choices,
            expert.OffersOnline, expert.PrefectureCodes.Contains(company.PrefectureCode),
            from, to, from > first ? Max(first, from.AddDays(-days)) : null, to < last ? to.AddDays(1) : null,
            slotDays,
            quote.IsSuccess ? ToQuote(quote.Value) : null,
            unavailable);
    }

    private static SlotQuote ToQuote(SubsidyBreakdown b) =>
        new(b.Fee, b.SubsidyBeforeCaps, b.Subsidy, b.CompanyShare, b.CappedBy, b.Subsidy < b.SubsidyBeforeCaps);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
