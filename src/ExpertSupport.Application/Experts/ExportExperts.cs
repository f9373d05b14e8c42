using ExpertSupport.Domain.Common;
using System.Runtime.CompilerServices;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Experts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

public sealed record ExpertExportRow(
    Guid Id, string DisplayName, string DisplayNameKana, ExpertKind Kind, ExpertStatus Status, string? StatusReason,
    Yen HourlyFee, bool OffersOnline, short[] PrefectureCodes, string[] Languages,
    IReadOnlyList<NamedSkill> Skills, IReadOnlyList<ExpertQualification> Qualifications,
    string? AccountEmail, DateTimeOffset? ConflictOfInterestDeclaredAt, DateTimeOffset CreatedAt);

/// <summary>A skill with its taxonomy name, as exports show it.</summary>
public sealed record NamedSkill(string NameJa, SkillLevel Level);

/// <summary>
/// Every expert matching the office's filters, streamed from the database row by row. Bank accounts are left out on
/// purpose: a list that leaves the system should not carry payout details (the payment export has its own controls).
/// </summary>
[OfficeOnly]
public sealed record ExportExpertsQuery(ExpertFilter Filter) : IStreamQuery<ExpertExportRow>;

public sealed class ExportExpertsHandler(AppDbContext db) : IStreamQueryHandler<ExportExpertsQuery, ExpertExportRow>
{
    public async IAsyncEnumerable<ExpertExportRow> Handle(ExportExpertsQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows =
            from e in db.Experts.AsNoTracking().Matching(db, query.Filter)
            join u in db.Users on e.UserId equals u.Id
            orderby e.DisplayNameKana, e.Id
            select new ExpertExportRow(e.Id, e.DisplayName, e.DisplayNameKana, e.Kind, e.Status, e.StatusReason, e.HourlyFee,
                e.OffersOnline, e.PrefectureCodes, e.Languages,
                (from s in e.Skills join k in db.Skills on s.SkillCode equals k.Code orderby k.SortOrder select new NamedSkill(k.NameJa, s.Level)).ToList(),
                e.Qualifications.ToList(), u.Email,
                e.ConflictOfInterestDeclaredAt, e.CreatedAt);
        // One query, read as it streams: a few skills and qualifications per expert make the join small.
        await foreach (var row in rows.AsSingleQuery().AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }
}
