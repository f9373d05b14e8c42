using Bogus;
using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Infrastructure.Seeding;

/// <summary>
/// The booking part of the demo (called from <see cref="DemoSeeder"/> once its people exist): weekly hours for the
/// approved experts, six approved plans (company01–06, each with an expert who can meet it), and one session a week per plan from six
/// weeks ago to next week — completed ones (holding their reservation until a session report settles it), a
/// declined, a late cancellation and a no-show, and upcoming confirmed and requested ones. Dates follow today's
/// date; everything else comes from a fixed seed.
/// </summary>
public sealed class DemoBookings(AppDbContext db, SubsidyLedger ledger, BookingReminders reminders, NextFreeSlots nextFree, TimeProvider clock)
{
    private const int Seed = 20261206;
    private static readonly string[] Titles =
        ["クラウド会計の導入", "テレワーク環境の整備", "ECサイトの立ち上げ", "受発注のEDI化", "情報セキュリティ対策", "キャッシュレス決済の導入"];
    private static readonly string[] Notes =
        ["前回の続きをお願いします。", "経理担当も同席します。", "事前に資料を共有します。", null!, "社内の PC を用意しておきます。"];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var round = await db.ActiveRoundAsync(clock, ct);
        if (round is null) return;
        var faker = new Faker("ja") { Random = new Randomizer(Seed) };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var experts = await (from e in db.Experts join u in db.Users on e.UserId equals u.Id
                             where u.Email!.StartsWith("expert") orderby u.Email select e).AsSplitQuery().ToListAsync(ct);
        var companies = await (from c in db.Companies join u in db.Users on c.UserId equals u.Id
                               where u.Email!.StartsWith("company") orderby u.Email select c).ToListAsync(ct);
        for (var i = 0; i < experts.Count; i++)
        {
            if (!experts[i].CanBeBooked) continue;
            var availability = ExpertAvailability.CreateFor(experts[i].Id, now);
            availability.Update(Hours(i), new AvailabilitySettings(i % 2 == 0 ? 15 : 30, 24, 60, WorksOnHolidays: i == 4), now);
            db.ExpertAvailabilities.Add(availability);
        }

        var today = JapanTime.DateOf(now);
        var office = await db.Users.Where(u => u.Email == "office1@example.jp").Select(u => u.Id).SingleAsync(ct);
        var plans = new List<(SupportPlan Plan, Domain.Companies.Company Company, Domain.Experts.Expert Expert)>();
        var partners = experts.Where(e => e.CanBeBooked).ToList();
        for (var k = 0; k < Titles.Length && k < companies.Count; k++)
        {
            // Each company gets an expert who can meet it: online, or on site in its prefecture.
            var company = companies[k];
            var expert = partners.FirstOrDefault(e => e.CanServe(company.PrefectureCode));
            if (expert is null) break;
            partners.Remove(expert);
            var start = Max(round.PeriodStart, today.AddDays(-49));
            var end = Min(round.SupportEndDate, start.AddMonths(Math.Min(5, round.MaxPlanMonths)));
            // Drafted before the deadline for new plans, so the demo works on any day of the round.
            var drafted = Min(now.AddDays(-52), JapanTime.StartOfDay(round.ApplicationDeadline));
            var plan = SupportPlan.Draft(round, company, expert, PlanParty.Company,
                new PlanTerms(Titles[k], $"{Titles[k]}で、手作業の時間を月{faker.Random.Int(10, 40)}時間減らす。", 20 * 60, expert.HourlyFee, start, end),
                null, company.UserId, drafted);
            if (plan.IsFailure) continue;
            plan.Value.Agree(PlanParty.Expert, expert.UserId, drafted.AddDays(1));
            plan.Value.Approve(office, drafted.AddDays(3));
            plans.Add((plan.Value, company, expert));
            db.SupportPlans.Add(plan.Value);
        }
        await db.SaveChangesAsync(ct);

        for (var k = 0; k < plans.Count; k++)
        {
            for (var week = -6; week <= 1; week++)
            {
                var date = MondayOf(today).AddDays(7 * week + 1 + k % 4);
                if (ExpertAvailability.IsHoliday(date)) continue;
                var start = JapanTime.At(date, new TimeOnly(13 + k % 3, k % 2 == 0 ? 0 : 30));
                var minutes = faker.PickRandom(60, 90, 120);
                var (plan, company, expert) = plans[k];
                await SessionAsync(plan, round, expert, company, start, minutes, Fate(k, week, start, start.AddMinutes(minutes), now), faker.PickRandom(Notes), ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await nextFree.RefreshAsync([.. experts.Select(e => e.Id)], ct);
        await transaction.CommitAsync(ct);
    }

    private enum SessionFate { Completed, Declined, LateCancelled, NoShow, Confirmed, Requested }

    private static SessionFate Fate(int k, int week, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now) =>
        start > now.AddHours(26) ? (k % 2 == 0 ? SessionFate.Confirmed : SessionFate.Requested)
        : end > now ? SessionFate.Confirmed
        : (k, week) switch
        {
            (2, -5) => SessionFate.Declined,
            (1, -3) => SessionFate.LateCancelled,
            (3, -2) => SessionFate.NoShow,
            _ => SessionFate.Completed,
        };

    private async Task SessionAsync(
        SupportPlan plan, ProgrammeRound round, Domain.Experts.Expert expert, Domain.Companies.Company company,
        DateTimeOffset start, int minutes, SessionFate fate, string? note, CancellationToken ct)
    {
        var quote = SubsidyCalculator.Calculate(round.Rules, plan.HourlyFee, minutes, round.CompanyCap, round.ExpertCap).Value;
        // Everything that happened before today happened at plausible times; nothing is dated in the future.
        var now = clock.GetUtcNow();
        var requestedAt = fate is SessionFate.Requested ? now : Min(start.AddDays(-4), now.AddHours(-2));
        var decidedAt = Min(start.AddDays(-3), now.AddHours(-1));
        var mode = expert.OffersOnline ? SessionMode.Online : SessionMode.OnSite;
        var requested = Booking.Request(plan, round, company, expert, new SessionRequest(start, minutes, mode, note),
            new SessionPrice(plan.HourlyFee, quote.Fee, quote.SubsidyBeforeCaps, quote.Subsidy), 15, company.UserId, requestedAt);
        if (requested.IsFailure) return;
        var booking = requested.Value;
        db.Bookings.Add(booking);
        if (fate == SessionFate.Requested) return;
        if (fate == SessionFate.Declined)
        {
            booking.Decline(expert.UserId, "その週は別の支援で埋まっているため、翌週でお願いします。", decidedAt);
            return;
        }

        var reservation = await ledger.ReserveAsync(new CapParties(round.Id, company.Id, expert.Id), SubsidySource.Booking(booking.Id), plan.HourlyFee, minutes, ct);
        booking.Confirm(reservation.Value.Requested, reservation.Value.Reserved, round.BookingRequestExpiryHours, expert.UserId, decidedAt);
        switch (fate)
        {
            case SessionFate.Confirmed:
                reminders.Schedule(booking);
                break;
            case SessionFate.Completed:
                booking.Complete(booking.EndAt.AddMinutes(5));
                break;
            case SessionFate.LateCancelled:
                booking.Cancel(BookingParty.Company, company.UserId, "急な来客のため、改めて予約します。", round.LateCancellationHours, start.AddHours(-6));
                await ledger.ReleaseAsync(SubsidySource.Booking(booking.Id), ct);
                break;
            case SessionFate.NoShow:
                booking.MarkNoShow(BookingParty.Expert, expert.UserId, "約束の時間にオンライン会議に入られず、電話もつながりませんでした。", start.AddMinutes(40));
                await ledger.ReleaseAsync(SubsidySource.Booking(booking.Id), ct);
                break;
        }
    }

    /// <summary>Varied weekly hours: office hours, office hours with Saturday mornings, or afternoons and weekday evenings.</summary>
    private static IEnumerable<WeeklyRange> Hours(int i)
    {
        DayOfWeek[] weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        static WeeklyRange R(DayOfWeek d, int from, int fromMinute, int to) => new(d, new TimeOnly(from, fromMinute), to == 24 ? TimeOnly.MinValue : new TimeOnly(to, 0));
        return (i % 3) switch
        {
            0 => [.. weekdays.SelectMany(d => new[] { R(d, 9, 0, 12), R(d, 13, 0, 18) })],
            1 => [.. weekdays.SelectMany(d => new[] { R(d, 10, 0, 12), R(d, 13, 0, 18) }), R(DayOfWeek.Saturday, 10, 0, 13)],
            _ => [.. weekdays.Skip(1).Append(DayOfWeek.Saturday).Select(d => R(d, 13, 0, 18)),
                  .. new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday }.Select(d => R(d, 19, 30, 22))],
        };
    }

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
