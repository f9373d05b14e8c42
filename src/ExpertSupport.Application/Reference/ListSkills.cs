using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Reference;

public sealed record SkillOption(string Code, string NameJa, string NameEn);

/// <summary>The active entries of the skill taxonomy, in display order (profile forms, filters, search).</summary>
[AnySignedIn]
public sealed record ListSkillsQuery : IQuery<IReadOnlyList<SkillOption>>;

public sealed class ListSkillsHandler(AppDbContext db) : IQueryHandler<ListSkillsQuery, IReadOnlyList<SkillOption>>
{
    public async ValueTask<IReadOnlyList<SkillOption>> Handle(ListSkillsQuery query, CancellationToken ct) =>
        await db.Skills.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder)
            .Select(s => new SkillOption(s.Code, s.NameJa, s.NameEn)).ToListAsync(ct);
}
