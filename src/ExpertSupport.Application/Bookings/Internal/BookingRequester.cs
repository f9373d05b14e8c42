using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>A session the company picked: plan, start, length, online or on site, a message, and the subsidy it accepted when the caps cut it.</summary>
public sealed record NewSession(Guid PlanId, DateTimeOffset Start, int Minutes, SessionMode Mode, string? Note, Yen? AcceptedSubsidy);

/// <summary>
/// Prepares a new booking for a company (a request or the new half of a reschedule): the plan must be the company's and
/// approved, the time inside the expert's open hours and free, and the price the one the company accepted. The checks
/// against other bookings here only give a friendlier answer; the exclusion constraints are the guarantee.
/// </summary>
public sealed class BookingRequester(AppDbContext db, CapsLeftReader caps, TimeProvider clock)
{
    public async Task<Result<Booking>> PrepareAsync(Company company, NewSession s, Guid actorUserId, Guid? replacing, CancellationToken ct)
    {
        var plan = await db.SupportPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == s.PlanId && p.CompanyId == company.Id, ct);
        if (plan is null) return PlanErrors.NotFound;
        var round = await db.ProgrammeRounds.AsNoTracking().SingleAsync(r => r.Id == plan.RoundId, ct);
        var expert = await db.Experts.AsNoTracking().AsSplitQuery().SingleAsync(e => e.Id == plan.ExpertId, ct);
        var availability = await db.ExpertAvailabilities.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(a => a.ExpertId == plan.ExpertId, ct);
        var now = clock.GetUtcNow();

        if (SessionLength.Check(s.Minutes, round.TimeUnitMinutes) is { IsFailure: true } length) return Result<Booking>.Failure(length.Errors);
        var session = new TimeWindow(s.Start.ToUniversalTime(), s.Start.ToUniversalTime().AddMinutes(s.Minutes));
        if (plan.AllowsSession(session.Start, session.End) is { IsFailure: true } planRefusal) return Result<Booking>.Failure(planRefusal.Errors);
        if (availability is null) return BookingErrors.OutsideAvailability;
        if (SlotFinder.Allows(availability, session, now, round.TimeUnitMinutes) is { IsFailure: true } closed) return Result<Booking>.Failure(closed.Errors);

        var block = session with { End = session.End.AddMinutes(availability.BufferMinutes) };
        if ((await BusyTime.ExpertBlocksAsync(db, plan.ExpertId, block.Start, block.End, replacing, ct)).Exists(b => b.Overlaps(block)))
            return BookingErrors.SlotTaken;
        if ((await BusyTime.CompanySessionsAsync(db, company.Id, session.Start, session.End, replacing, ct)).Exists(b => b.Overlaps(session)))
            return BookingErrors.CompanyBusy;

        var quote = await QuoteAsync(caps, round, plan, s.Minutes, ct);
        if (quote.IsFailure) return Result<Booking>.Failure(quote.Errors);
        var q = quote.Value;
        if (q.Subsidy < q.SubsidyBeforeCaps)
        {
            // The caps cut the subsidy: the company must have seen and accepted at least this little.
            if (s.AcceptedSubsidy is null) return BookingErrors.ReducedSubsidyNotAccepted;
            if (q.Subsidy < s.AcceptedSubsidy) return BookingErrors.SubsidyLowerThanAccepted(q.Subsidy, s.AcceptedSubsidy.Value);
        }

        return Booking.Request(plan, round, company, expert, new SessionRequest(session.Start, s.Minutes, s.Mode, s.Note),
            new SessionPrice(plan.HourlyFee, q.Fee, q.SubsidyBeforeCaps, q.Subsidy), availability.BufferMinutes, actorUserId, now, replacing);
    }

    /// <summary>The expected split of a session under a plan with the caps left now (what the form shows and the company accepts).</summary>
    public static async Task<Result<SubsidyBreakdown>> QuoteAsync(CapsLeftReader caps, ProgrammeRound round, SupportPlan plan, int minutes, CancellationToken ct)
    {
        var left = await caps.ForAsync(new CapParties(round.Id, plan.CompanyId, plan.ExpertId), ct)
            ?? throw new InvalidOperationException($"The caps of plan {plan.Id} are not in round {round.Id}.");
        return left.Split(round.Rules, plan.HourlyFee, minutes);
    }
}
