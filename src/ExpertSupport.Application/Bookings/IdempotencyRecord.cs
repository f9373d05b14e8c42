namespace ExpertSupport.Application.Bookings;

/// <summary>
/// The answer to a request sent with an Idempotency-Key: the same user sending the same key and body again gets this
/// answer instead of a second booking. The row is written in the transaction that creates the booking, so a refused or
/// failed request leaves no row and may be retried with the same key.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 100;

    public required Guid UserId { get; init; }
    /// <summary>The operation the key belongs to, e.g. "POST /api/bookings".</summary>
    public required string Scope { get; init; }
    public required string Key { get; init; }
    /// <summary>SHA-256 (hex) of the request as the handler read it.</summary>
    public required string RequestHash { get; init; }
    public int? StatusCode { get; set; }
    public string? ResponseJson { get; set; }
    public Guid? ResourceId { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}
