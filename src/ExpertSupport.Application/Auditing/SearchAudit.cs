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

/// <summary>
/// One audit entry as the search shows it, with the actor's name and e-mail (null for the system's jobs) and, on the
/// search page, what people call its object (<see cref="Subject"/>: a name or title; null in the CSV and when unknown).
/// </summary>
public sealed record AuditSearchRow(
    long Id, DateTimeOffset At, string EntityType, Guid EntityId, string? FromState, string ToState, string? Reason,
    Guid? ActorUserId, string? ActorName, string? ActorEmail, string? Subject = null);

/// <summary>Audit entries matching the filter, newest first, one page at a time (office only).</summary>
[OfficeOnly]
public sealed record SearchAuditQuery(AuditFilter Filter, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<AuditSearchRow>>;

public sealed class SearchAuditHandler(AppDbContext db) : IQueryHandler<SearchAuditQuery, PagedResult<AuditSearchRow>>
{
    public async ValueTask<PagedResult<AuditSearchRow>> Handle(SearchAuditQuery query, CancellationToken ct)
    {
        var page = await AuditSearch.Rows(db, query.Filter).ToPagedAsync(query.Page, query.PageSize, ct);
        var names = await AuditSubjects.NamesAsync(db, [.. page.Items.Select(r => (r.EntityType, r.EntityId))], ct);
        return page with { Items = [.. page.Items.Select(r => r with { Subject = names.GetValueOrDefault(r.EntityId) })] };
    }
}
