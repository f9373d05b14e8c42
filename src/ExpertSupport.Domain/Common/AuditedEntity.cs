using ExpertSupport.Domain.Auditing;

namespace ExpertSupport.Domain.Common;

/// <summary>
/// An entity whose state changes are audited. Its methods record the change; the DbContext writes the
/// entries in the same SaveChanges, so a state change without its audit row cannot be committed.
/// </summary>
public abstract class AuditedEntity : Entity
{
    private readonly List<AuditEntry> _pendingAudit = [];

    public IReadOnlyList<AuditEntry> PendingAudit => _pendingAudit;

    public void ClearPendingAudit() => _pendingAudit.Clear();

    protected void RecordTransition(string? from, string to, Guid? actor, DateTimeOffset at, string? reason = null) =>
        _pendingAudit.Add(AuditEntry.For(GetType().Name, Id, from, to, actor, at, reason));
}
