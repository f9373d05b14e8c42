using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Cases;

/// <summary>The company edits its open case (proposals already sent keep the terms they proposed).</summary>
[CompanyOnly]
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
