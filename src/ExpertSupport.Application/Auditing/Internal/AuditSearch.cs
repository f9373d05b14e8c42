using System.Runtime.CompilerServices;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Auditing;

internal static class AuditSearch
{
    /// <summary>
    /// Newest first by (at, id), which the descending index on audit_entries serves; the actor filter resolves the
    /// matching users first, so it becomes an IN over actor_user_id.
    /// </summary>
    public static IQueryable<AuditSearchRow> Rows(AppDbContext db, AuditFilter f)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.EntityType)) entries = entries.Where(a => a.EntityType == f.EntityType.Trim());
        if (f.EntityId is { } id) entries = entries.Where(a => a.EntityId == id);
        if (f.From is { } from)
        {
            var start = JapanTime.StartOfDay(from);
            entries = entries.Where(a => a.At >= start);
        }
        if (f.To is { } to)
        {
            var end = JapanTime.StartOfDay(to.AddDays(1));
            entries = entries.Where(a => a.At < end);
        }
        if (TextSearch.ContainsPattern(f.Actor) is { } actor)
        {
            var actors = db.Users.Where(u => EF.Functions.ILike(u.DisplayName, actor) || EF.Functions.ILike(u.Email!, actor)).Select(u => (Guid?)u.Id);
            entries = entries.Where(a => actors.Contains(a.ActorUserId));
        }
        if (TextSearch.ContainsPattern(f.Text) is { } text)
            entries = entries.Where(a => EF.Functions.ILike(a.Reason!, text) || EF.Functions.ILike(a.ToState, text) || EF.Functions.ILike(a.FromState!, text));

        return from a in entries
               join u in db.Users on a.ActorUserId equals (Guid?)u.Id into actors
               from u in actors.DefaultIfEmpty()
               orderby a.At descending, a.Id descending
               select new AuditSearchRow(a.Id, a.At, a.EntityType, a.EntityId, a.FromState, a.ToState, a.Reason, a.ActorUserId,
                   u == null ? null : u.DisplayName, u == null ? null : u.Email);
    }
}
