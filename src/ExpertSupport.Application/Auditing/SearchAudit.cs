using System.Runtime.CompilerServices;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Auditing;

/// <summary>
/// The office's audit search; every filter optional. <see cref="From"/> and <see cref="To"/> are Tokyo dates, both
/// included. <see cref="Actor"/> matches part of the actor's name or e-mail; <see cref="Text"/> part of the reason or
/// of a state.
/// </summary>
public sealed record AuditFilter(
    string? EntityType = null, Guid? EntityId = null, string? Actor = null, DateOnly? From = null, DateOnly? To = null, string? Text = null);

/// <summary>One audit entry as the search shows it, with the actor's name and e-mail (null for the system's jobs).</summary>
public sealed record AuditSearchRow(
    long Id, DateTimeOffset At, string EntityType, Guid EntityId, string? FromState, string ToState, string? Reason,
    Guid? ActorUserId, string? ActorName, string? ActorEmail);

/// <summary>Audit entries matching the filter, newest first, one page at a time (office only).</summary>
public sealed record SearchAuditQuery(AuditFilter Filter, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<AuditSearchRow>>;

public sealed class SearchAuditHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<SearchAuditQuery, PagedResult<AuditSearchRow>>
{
    public async ValueTask<PagedResult<AuditSearchRow>> Handle(SearchAuditQuery query, CancellationToken ct)
    {
        if (!user.IsOffice()) throw new UnauthorizedAccessException();
        return await AuditSearch.Rows(db, query.Filter).ToPagedAsync(query.Page, query.PageSize, ct);
    }
}

/// <summary>Every audit entry matching the filter, newest first, streamed (the CSV download).</summary>
public sealed record ExportAuditQuery(AuditFilter Filter) : IStreamQuery<AuditSearchRow>;

public sealed class ExportAuditHandler(AppDbContext db, ICurrentUser user) : IStreamQueryHandler<ExportAuditQuery, AuditSearchRow>
{
    public async IAsyncEnumerable<AuditSearchRow> Handle(ExportAuditQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        if (!user.IsOffice()) throw new UnauthorizedAccessException();
        await foreach (var row in AuditSearch.Rows(db, query.Filter).AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }
}

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
