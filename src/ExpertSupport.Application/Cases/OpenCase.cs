using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Cases;

public sealed record CaseSaved(Guid CaseId);

/// <summary>A company opens a consultation case (相談案件); approved experts see it at once and may propose.</summary>
[CompanyOnly]
public sealed record OpenCaseCommand(
    string? Title, string? Description, IReadOnlyList<string>? SkillCodes, WorkMode? WorkMode, short? PrefectureCode, string? DesiredHours)
    : ICommand<Result<CaseSaved>>, ICaseInput;

public sealed class OpenCaseValidator : CaseInputValidator<OpenCaseCommand>;

public sealed class OpenCaseHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<OpenCaseCommand, Result<CaseSaved>>
{
    public async ValueTask<Result<CaseSaved>> Handle(OpenCaseCommand cmd, CancellationToken ct)
    {
        var userId = user.RequiredId();
        var company = await db.Companies.SingleOrDefaultAsync(c => c.UserId == userId, ct);
        if (company is null) return Error.Conflict("case.no_company");
        if (await CaseSkills.CheckAsync(db, cmd.SkillCodes, ct) is { } unknown) return unknown;
        if (await OpenTitles.TakenAsync(db, company.Id, cmd.Title, null, ct)) return CaseErrors.AlreadyOpen;

        var opened = ConsultationCase.Open(company, cmd.ToDetails(company.PrefectureCode), userId, clock.GetUtcNow());
        if (opened.IsFailure) return Result<CaseSaved>.Failure(opened.Errors);
        db.ConsultationCases.Add(opened.Value);
        await db.SaveChangesAsync(ct);
        return new CaseSaved(opened.Value.Id);
    }
}
