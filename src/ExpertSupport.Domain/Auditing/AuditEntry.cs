namespace ExpertSupport.Domain.Auditing;

/// <summary>One state change of a plan, booking, report, claim line, batch, company or expert: who, when, from → to, why.</summary>
public sealed class AuditEntry
{
    public long Id { get; private init; }
    public required string EntityType { get; init; }
    public required Guid EntityId { get; init; }
    public string? FromState { get; init; }
    public required string ToState { get; init; }
    public string? Reason { get; init; }
    public Guid? ActorUserId { get; init; }
    public required DateTimeOffset At { get; init; }

    public static AuditEntry For(string entityType, Guid entityId, string? from, string to, Guid? actor, DateTimeOffset at, string? reason = null) =>
        new() { EntityType = entityType, EntityId = entityId, FromState = from, ToState = to, ActorUserId = actor, At = at, Reason = reason };
}
