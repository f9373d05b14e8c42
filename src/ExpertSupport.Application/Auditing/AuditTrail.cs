using ExpertSupport.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Auditing;

/// <summary>One line of an audit trail as the office reads it: when, who, what changed and why.</summary>
public sealed record AuditRow(DateTimeOffset At, string EntityType, Guid EntityId, string? FromState, string ToState, string? Reason, Guid? ActorUserId, string? ActorName);

public static class AuditTrail
{
    /// <summary>The audit entries of the given entities (of the given types), oldest first, with the actor's name.</summary>
    public static async Task<IReadOnlyList<AuditRow>> ForAsync(AppDbContext db, IReadOnlyCollection<string> entityTypes, IReadOnlyCollection<Guid> entityIds, CancellationToken ct) =>
        await (
            from a in db.AuditEntries.AsNoTracking()
            where entityTypes.Contains(a.EntityType) && entityIds.Contains(a.EntityId)
            join u in db.Users on a.ActorUserId equals (Guid?)u.Id into actors
            from u in actors.DefaultIfEmpty()
            orderby a.At, a.Id
            select new AuditRow(a.At, a.EntityType, a.EntityId, a.FromState, a.ToState, a.Reason, a.ActorUserId, u == null ? null : u.DisplayName)
        ).ToListAsync(ct);
}
