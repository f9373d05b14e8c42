using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Cases;

public sealed record CaseSaved(Guid CaseId);

/// <summary>A company opens a consultation case (相談案件); approved experts see it at once and may propose.</summary>
public sealed record OpenCaseCommand(
    string? Title, string? Description, IReadOnlyList<string>? SkillCodes, WorkMode? WorkMode, short? PrefectureCode, string? DesiredHours)
    : ICommand<Result<CaseSaved>>, ICaseInput;

public sealed class OpenCaseValidator : CaseInputValidator<OpenCaseCommand>;

public sealed class OpenCaseHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<OpenCaseCommand, Result<CaseSaved>>
{
    public async ValueTask<Result<CaseSaved>> Handle(OpenCaseCommand cmd, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Company)) return Error.Forbidden("case.company_only", "相談案件を登録できるのは企業のアカウントだけです。");
        var userId = user.RequiredId();
        var company = await db.Companies.SingleOrDefaultAsync(c => c.UserId == userId, ct);
        if (company is null) return Error.Conflict("case.no_company", "相談案件を登録するには、先に会社情報を登録してください。");
        if (await CaseSkills.CheckAsync(db, cmd.SkillCodes, ct) is { } unknown) return unknown;
        if (await OpenTitles.TakenAsync(db, company.Id, cmd.Title, null, ct)) return CaseErrors.AlreadyOpen;

        var opened = ConsultationCase.Open(company, cmd.ToDetails(company.PrefectureCode), userId, clock.GetUtcNow());
        if (opened.IsFailure) return Result<CaseSaved>.Failure(opened.Errors);
        db.ConsultationCases.Add(opened.Value);
        await db.SaveChangesAsync(ct);
        return new CaseSaved(opened.Value.Id);
    }
}

/// <summary>The company edits its open case (proposals already sent keep the terms they proposed).</summary>
public sealed record EditCaseCommand(
    Guid CaseId, string? Title, string? Description, IReadOnlyList<string>? SkillCodes, WorkMode? WorkMode, short? PrefectureCode, string? DesiredHours)
    : ICommand<Result>, ICaseInput;

public sealed class EditCaseValidator : CaseInputValidator<EditCaseCommand>;

public sealed class EditCaseHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<EditCaseCommand, Result>
{
    public async ValueTask<Result> Handle(EditCaseCommand cmd, CancellationToken ct)
    {
        var userId = user.Id;
        var found = await (
            from c in db.ConsultationCases
            join k in db.Companies on c.CompanyId equals k.Id
            where c.Id == cmd.CaseId && k.UserId == userId
            select new { Case = c, k.PrefectureCode }).SingleOrDefaultAsync(ct);
        if (found is null) return CaseErrors.NotFound;
        if (await CaseSkills.CheckAsync(db, cmd.SkillCodes, ct) is { } unknown) return unknown;
        if (await OpenTitles.TakenAsync(db, found.Case.CompanyId, cmd.Title, found.Case.Id, ct)) return CaseErrors.AlreadyOpen;
        var result = found.Case.Edit(cmd.ToDetails(found.PrefectureCode), clock.GetUtcNow());
        if (result.IsFailure) return result;
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}

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
        return known == distinct.Count ? null : Error.Invalid("case.unknown_skill", "選べない分野が含まれています。一覧から選び直してください。", "skillCodes");
    }
}
