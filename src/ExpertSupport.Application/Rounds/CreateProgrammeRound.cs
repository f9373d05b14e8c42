using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using FluentValidation;
using Mediator;

namespace ExpertSupport.Application.Rounds;

/// <summary>The office opens a programme round (制度年度).</summary>
[OfficeOnly]
public sealed record CreateProgrammeRoundCommand(ProgrammeRoundSettings Settings) : ICommand<Result<Guid>>;

public sealed class CreateProgrammeRoundValidator : AbstractValidator<CreateProgrammeRoundCommand>
{
    public CreateProgrammeRoundValidator() => RuleFor(c => c.Settings).Custom(RoundSettingsRules.Check);
}

public sealed class CreateProgrammeRoundHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ClaimBatchSchedule claimSchedule)
    : ICommandHandler<CreateProgrammeRoundCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateProgrammeRoundCommand cmd, CancellationToken ct)
    {
        if (await RoundSettingsRules.OverlapAsync(db, cmd.Settings, null, ct) is { } overlap) return overlap;

        var created = ProgrammeRound.Create(cmd.Settings, user.RequiredId(), clock.GetUtcNow());
        if (created.IsFailure) return Result<Guid>.Failure(created.Errors);
        db.ProgrammeRounds.Add(created.Value);
        await db.SaveChangesAsync(ct);
        // The new round may be the active one: the claim batch job follows its cron.
        await claimSchedule.RefreshAsync(ct);
        return created.Value.Id;
    }
}
