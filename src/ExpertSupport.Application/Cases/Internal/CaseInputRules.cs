using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Cases;

/// <summary>The rule behind <c>ux_consultation_cases_open_title</c>, asked first so that a repeated case gets its own answer.</summary>
internal static class OpenTitles
{
    public static Task<bool> TakenAsync(AppDbContext db, Guid companyId, string? title, Guid? except, CancellationToken ct)
    {
        var trimmed = title?.Trim() ?? "";
        return db.ConsultationCases.AnyAsync(c => c.CompanyId == companyId && c.Status == CaseStatus.Open && c.Title == trimmed && c.Id != except, ct);
    }
}

internal static class CaseSkills
{
    public static async Task<Error?> CheckAsync(AppDbContext db, IReadOnlyList<string>? codes, CancellationToken ct)
    {
        var distinct = (codes ?? []).Distinct().ToList();
        var known = await db.Skills.CountAsync(s => distinct.Contains(s.Code) && s.IsActive, ct);
        return known == distinct.Count ? null : Error.Invalid("case.unknown_skill", "skillCodes");
    }
}
