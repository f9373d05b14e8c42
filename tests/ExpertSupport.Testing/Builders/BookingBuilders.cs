using Bogus;
using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.Testing.Builders;

/// <summary>A company and an approved expert who can log in, an approved plan between them, and the expert's weekly hours.</summary>
public sealed record BookingScenario(TestUser CompanyUser, Guid CompanyId, TestUser ExpertUser, Guid ExpertId, Guid PlanId, Guid RoundId);

/// <summary>
/// Builders for the booking tests (Bogus, fixed seed). Plans are made with the domain methods (Draft → Agree → Approve)
/// straight into the database, as the plan pages are another feature.
/// </summary>
public static class BookingBuilders
{
    private static readonly Faker Faker = new("ja") { Random = new Randomizer(6_2026) };
    private static readonly Lock Gate = new();

    /// <summary>Monday to Friday 09:00–18:00 Tokyo.</summary>
    public static WeeklyRange[] OfficeHours =>
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WeeklyRange(d, new TimeOnly(9, 0), new TimeOnly(18, 0)))];

    /// <summary>Every day of the week, the same hours (end 00:00 = midnight).</summary>
    public static WeeklyRange[] EveryDay(TimeOnly start, TimeOnly end) => [.. Enum.GetValues<DayOfWeek>().Select(d => new WeeklyRange(d, start, end))];

    public static DateTimeOffset Now(this TestApp app) => app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    public static async Task<BookingScenario> CreateBookingScenarioAsync(
        this TestApp app, long hourlyFee = 5_000, IEnumerable<WeeklyRange>? weekly = null, AvailabilitySettings? settings = null,
        DateOnly? planStart = null, DateOnly? planEnd = null)
    {
        var companyUser = await app.CreateUserAsync(Roles.Company);
        var expertUser = await app.CreateUserAsync(Roles.Expert);
        var companyId = await app.CreateBookingCompanyAsync(companyUser);
        var expertId = await app.CreateApprovedExpertAsync(expertUser, hourlyFee);
        await app.SetAvailabilityAsync(expertId, weekly ?? OfficeHours, settings ?? AvailabilitySettings.Default);
        var today = JapanTime.DateOf(app.Now());
        var (planId, roundId) = await app.CreateApprovedPlanAsync(companyId, expertId, hourlyFee, planStart ?? today, planEnd ?? today.AddDays(90));
        return new BookingScenario(companyUser, companyId, expertUser, expertId, planId, roundId);
    }

    /// <summary>A small Tokyo company (an SME) for a user who logs in.</summary>
    public static Task<Guid> CreateBookingCompanyAsync(this TestApp app, TestUser user) => app.Db(async db =>
    {
        string name;
        lock (Gate) name = $"株式会社{Faker.Name.LastName()}商事{Faker.Random.Number(1, 9999)}";
        var company = Company.Register(user.Id, LegalForm.Corporation, name, "カブシキガイシャテストショウジ", null,
            13, "東京都千代田区丸の内1-1-1", IndustryCategory.Services, new Yen(10_000_000), 8, app.Now());
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        return company.Id;
    });

    /// <summary>An approved expert, online and on site in Tokyo.</summary>
    public static Task<Guid> CreateApprovedExpertAsync(this TestApp app, TestUser user, long hourlyFee = 5_000) => app.Db(async db =>
    {
        string name;
        lock (Gate) name = $"{Faker.Name.LastName()} {Faker.Name.FirstName()}";
        var expert = Expert.Register(user.Id, ExpertKind.Individual, name, "テスト センモンカ", "クラウド会計の導入を支援しています。",
            new Yen(hourlyFee), true, [13, 14], app.Now());
        expert.Approve(user.Id, app.Now());
        db.Experts.Add(expert);
        await db.SaveChangesAsync();
        return expert.Id;
    });

    public static Task SetAvailabilityAsync(this TestApp app, Guid expertId, IEnumerable<WeeklyRange> weekly, AvailabilitySettings settings,
        Action<ExpertAvailability>? more = null) => app.Db(async db =>
    {
        var availability = await db.ExpertAvailabilities.SingleOrDefaultAsync(a => a.ExpertId == expertId);
        if (availability is null)
        {
            availability = ExpertAvailability.CreateFor(expertId, app.Now());
            db.ExpertAvailabilities.Add(availability);
        }
        var updated = availability.Update(weekly, settings, app.Now());
        if (updated.IsFailure) throw new InvalidOperationException(updated.FirstError.ToString());
        more?.Invoke(availability);
        await db.SaveChangesAsync();
    });

    /// <summary>An approved plan (Draft by the company → the expert agrees → the office approves) in the active round.</summary>
    public static Task<(Guid PlanId, Guid RoundId)> CreateApprovedPlanAsync(this TestApp app, Guid companyId, Guid expertId, long hourlyFee, DateOnly start, DateOnly end) =>
        app.Db(async db =>
        {
            var clock = app.Services.GetRequiredService<TimeProvider>();
            var round = await db.ActiveRoundAsync(clock, default) ?? throw new InvalidOperationException("No active round.");
            var company = await db.Companies.SingleAsync(c => c.Id == companyId);
            var expert = await db.Experts.SingleAsync(e => e.Id == expertId);
            var now = clock.GetUtcNow();
            var plan = SupportPlan.Draft(round, company, expert, PlanParty.Company,
                new PlanTerms("クラウド会計の導入", "請求書と経費精算を電子化する", 1_200, new Yen(hourlyFee), start, end), null, company.UserId, now).Value;
            plan.Agree(PlanParty.Expert, expert.UserId, now);
            var approved = plan.Approve(Guid.CreateVersion7(), now);
            if (approved.IsFailure) throw new InvalidOperationException(approved.FirstError.ToString());
            db.SupportPlans.Add(plan);
            await db.SaveChangesAsync();
            return (plan.Id, round.Id);
        });

    /// <summary>The first free slot of the plan (1 hour unless said otherwise) on or after <paramref name="from"/>.</summary>
    public static async Task<Slot> FirstSlotAsync(this TestApp app, BookingScenario s, int minutes = 60, DateOnly? from = null)
    {
        var slots = await app.Send(s.CompanyUser, x => x.Send(new GetBookingSlotsQuery(s.PlanId, minutes, from, 31)));
        return slots?.Days.SelectMany(d => d.Slots).FirstOrDefault()
            ?? throw new InvalidOperationException($"No free slot: {slots?.Unavailable}");
    }

    /// <summary>Requests a session through the whole pipeline as the scenario's company.</summary>
    public static Task<ExpertSupport.Domain.Common.Result<BookingCreated>> RequestAsync(this TestApp app, BookingScenario s, DateTimeOffset start, int minutes = 60,
        SessionMode mode = SessionMode.Online, long? acceptedSubsidy = null, string? key = null) =>
        app.Send(s.CompanyUser, x => x.Send(new RequestBookingCommand(s.PlanId, start, minutes, mode, "会計ソフトの初期設定をお願いします。", acceptedSubsidy is { } accepted ? new Yen(accepted) : null, key)));

    /// <summary>Requests the first free hour and confirms it as the expert; returns the booking id.</summary>
    public static async Task<Guid> ConfirmedBookingAsync(this TestApp app, BookingScenario s, DateOnly? from = null, int minutes = 60)
    {
        var slot = await app.FirstSlotAsync(s, minutes, from);
        var requested = await app.RequestAsync(s, slot.Start, minutes);
        if (requested.IsFailure) throw new InvalidOperationException(requested.FirstError.ToString());
        var confirmed = await app.Send(s.ExpertUser, x => x.Send(new ConfirmBookingCommand(requested.Value.Booking.Id)));
        if (confirmed.IsFailure) throw new InvalidOperationException(confirmed.FirstError.ToString());
        return requested.Value.Booking.Id;
    }

    public static Task<Booking> BookingAsync(this TestApp app, Guid id) =>
        app.Db(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));
}
