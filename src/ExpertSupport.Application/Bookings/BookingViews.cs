using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Bookings;

/// <summary>A booking as the API returns it: times in UTC (ISO 8601), money in whole yen.</summary>
public sealed record BookingView(
    Guid Id,
    Guid PlanId,
    Guid CompanyId,
    Guid ExpertId,
    string CompanyName,
    string ExpertName,
    DateTimeOffset Start,
    DateTimeOffset End,
    int Minutes,
    SessionMode Mode,
    BookingStatus Status,
    bool AwaitingCompany,
    Yen HourlyFee,
    Yen Fee,
    Yen SubsidyBeforeCaps,
    Yen ExpectedSubsidy,
    Yen ExpectedCompanyShare,
    Yen? OfferedSubsidy,
    DateTimeOffset RequestedAt,
    DateTimeOffset ExpiresAt,
    bool LateCancellation,
    Guid? RescheduledFromId,
    string? Note)
{
    public static BookingView Of(Booking b, string companyName, string expertName) => new(
        b.Id, b.PlanId, b.CompanyId, b.ExpertId, companyName, expertName, b.StartAt, b.EndAt, b.Minutes, b.Mode, b.Status, b.AwaitingCompany,
        b.HourlyFee, b.Fee, b.SubsidyBeforeCaps, b.ExpectedSubsidy, b.ExpectedCompanyShare, b.OfferedSubsidy, b.RequestedAt, b.ExpiresAt,
        b.LateCancellation, b.RescheduledFromId, b.Note);
}

/// <summary>What a new booking request answers: the booking, and whether it is the stored answer to a repeated Idempotency-Key.</summary>
public sealed record BookingCreated(BookingView Booking, bool Replayed);
