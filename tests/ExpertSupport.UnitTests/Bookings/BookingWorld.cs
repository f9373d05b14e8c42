using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.UnitTests.Onboarding;

namespace ExpertSupport.UnitTests.Bookings;

/// <summary>A round, a Tokyo company, an approved expert and an approved plan, on Tuesday 1 December 2026, 09:00 in Tokyo.</summary>
internal sealed class BookingWorld
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Monday = new(2026, 12, 7);

    public ProgrammeRound Round { get; } = ProgrammeRound.Create(ProgrammeRoundSettings.DefaultFor(new DateOnly(2026, 12, 1)), null, Now).Value;
    public Company Company { get; } = Company.Register(Guid.CreateVersion7(), CompanyRulesTests.Profile(), Now);
    public Expert Expert { get; }
    public SupportPlan Plan { get; }
    public Guid CompanyUser => Company.UserId;
    public Guid ExpertUser => Expert.UserId;

    public BookingWorld(bool online = true, short[]? prefectures = null)
    {
        Expert = Expert.Register(Guid.CreateVersion7(), ExpertKind.Individual, "佐藤 花子", "サトウ ハナコ", "クラウド会計", new Yen(5_000), online, prefectures ?? [13], Now);
        Expert.Approve(Guid.CreateVersion7(), Now);
        Plan = SupportPlan.Draft(Round, Company, Expert, PlanParty.Company,
            new PlanTerms("クラウド会計の導入", "請求書を電子化する", 600, new Yen(5_000), new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 26)), null, CompanyUser, Now).Value;
        Plan.Agree(PlanParty.Expert, ExpertUser, Now);
        Plan.Approve(Guid.CreateVersion7(), Now);
    }

    public static DateTimeOffset At(DateOnly date, int hour, int minute = 0) => JapanTime.At(date, new TimeOnly(hour, minute));

    public Result<Booking> Request(DateTimeOffset start, int minutes = 60, SessionMode mode = SessionMode.Online, long subsidy = 3_500) =>
        Booking.Request(Plan, Round, Company, Expert, new SessionRequest(start, minutes, mode, "よろしくお願いします"),
            new SessionPrice(new Yen(5_000), new Yen(5_000 * minutes / 60), new Yen(3_500 * minutes / 60), new Yen(subsidy * minutes / 60)), 15, CompanyUser, Now);

    public Booking Confirmed(DateTimeOffset start)
    {
        var booking = Request(start).Value;
        Assert.Equal(ConfirmOutcome.Confirmed, booking.Confirm(new Yen(3_500), new Yen(3_500), 72, ExpertUser, Now));
        return booking;
    }
}
