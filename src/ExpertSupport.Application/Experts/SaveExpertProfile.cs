using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;
using ExpertSupport.Domain.Subsidies;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.Application.Experts;

public sealed record SkillInput(string? Code, SkillLevel? Level);

public sealed record QualificationInput(string? Code, string? CertificateNumber)
{
    internal bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(CertificateNumber);
}

public sealed record BankAccountInput(string? BankCode, string? BranchCode, BankAccountType? AccountType, string? AccountNumber, string? HolderName);

/// <summary>
/// Creates the signed-in expert's profile (pending vetting), or saves an edit. For an approved expert a new hourly fee
/// or bank account does not apply at once: it opens (or revises) a change request for the office, and the live values
/// stay until it is approved. Skills without a level and blank qualification rows are left out.
/// </summary>
[ExpertOnly]
public sealed record SaveExpertProfileCommand(
    Guid? ExpertId, ExpertKind? Kind, string? DisplayName, string? DisplayNameKana, string? Bio,
    IReadOnlyList<SkillInput>? Skills, IReadOnlyList<QualificationInput>? Qualifications,
    short[]? PrefectureCodes, bool OffersOnline, string[]? Languages,
    string? HourlyFee, BankAccountInput? BankAccount, bool DeclaresNoConflictOfInterest) : ICommand<Result<ExpertSaved>>;

/// <summary>What happened: the status now, and the change request if the fee or account now waits for the office.</summary>
public sealed record ExpertSaved(Guid ExpertId, bool Created, ExpertStatus Status, Guid? PendingChangeRequestId);

public sealed class SaveExpertProfileValidator : AbstractValidator<SaveExpertProfileCommand>
{
    public const int MaxQualifications = 10;

    public SaveExpertProfileValidator(IServiceScopeFactory scopes, TimeProvider clock)
    {
        RuleFor(c => c.Kind).NotNull().IsInEnum().WithError(new("expert.kind_required"));
        RuleFor(c => c.DisplayName).NotEmpty().WithError(new("expert.display_name_required")).MaximumLength(100);
        RuleFor(c => c.DisplayNameKana).Must(k => Kana.IsKatakana(Kana.Normalize(k))).WithError(new("input.kana"))
            .MaximumLength(100);
        RuleFor(c => c.Bio).NotEmpty().WithError(new("expert.bio_required")).MaximumLength(4000);
        RuleFor(c => c.Skills)
            .Must(s => s is not null && s.Any(x => x.Level is not null)).WithError(new("expert.skills_required"));
        RuleForEach(c => c.Skills).Where(s => s.Level is not null).ChildRules(skill =>
        {
            skill.RuleFor(s => s.Code).NotEmpty().WithError(new("expert.skill_required"));
            skill.RuleFor(s => s.Level).IsInEnum().WithError(new("expert.level_required"));
        });
        RuleFor(c => c.Qualifications)
            .Must(qs => qs is null || qs.Where(q => !q.IsBlank).Select(q => q.Code).Distinct().Count() == qs.Count(q => !q.IsBlank))
            .WithError(new("expert.qualification_duplicate"))
            .Must(qs => qs is null || qs.Count(q => !q.IsBlank) <= MaxQualifications).WithError(new("expert.too_many_qualifications", MaxQualifications));
        RuleForEach(c => c.Qualifications).Where(q => !q.IsBlank).ChildRules(q =>
        {
            q.RuleFor(x => x.Code).Must(Domain.Reference.Qualifications.IsKnown).WithError(new("expert.qualification_unknown"));
            q.RuleFor(x => x.CertificateNumber).NotEmpty().WithError(new("expert.certificate_number_required")).MaximumLength(50);
        });
        RuleFor(c => c.PrefectureCodes)
            .Must((c, codes) => c.OffersOnline || codes is { Length: > 0 })
            .WithError(new("expert.service_area_required"))
            .Must(codes => codes is null || codes.All(Prefectures.IsValid)).WithError(new("expert.prefecture_invalid"));
        RuleFor(c => c.Languages)
            .Must(ls => ls is { Length: > 0 } && ls.All(Domain.Reference.Languages.IsKnown)).WithError(new("expert.languages_required"));
        RuleFor(c => c.HourlyFee)
            .Must(v => TypedNumber.TryParse(v, out var fee) && fee >= 1)
            .WithError(new("plan.fee_not_a_number"))
            .Must(v => !TypedNumber.TryParse(v, out var fee) || fee <= SubsidyRules.MaxHourlyRate.Value)
            .WithError(new("expert.fee_too_high"))
            .CustomAsync((v, ctx, ct) => FeeBelowActiveMinimumAsync(v, ctx, scopes, clock, ct));
        RuleFor(c => c.BankAccount).Custom((bank, ctx) =>
        {
            var checkedAccount = Domain.Experts.BankAccount.Create(bank?.BankCode, bank?.BranchCode, bank?.AccountType, bank?.AccountNumber, bank?.HolderName);
            foreach (var error in checkedAccount.Errors)
                ctx.AddError(error.At($"BankAccount.{char.ToUpperInvariant(error.Field![0])}{error.Field[1..]}"));
        });
        RuleFor(c => c.DeclaresNoConflictOfInterest).Equal(true)
            .WithError(new("expert.no_conflict_required"));
    }

    /// <summary>
    /// The active round's minimum, checked beside the shape rules so that a form shows every mistake at once. The figure
    /// is the round's (the office may lower it), never the programme's. The validator is a singleton, so the round is read
    /// in a scope of its own.
    /// </summary>
    private static async Task FeeBelowActiveMinimumAsync(
        string? typed, ValidationContext<SaveExpertProfileCommand> ctx, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken ct)
    {
        if (!TypedNumber.TryParse(typed, out var fee) || fee < 1) return;
        await using var scope = scopes.CreateAsyncScope();
        var round = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ActiveRoundAsync(clock, ct);
        if (round is null || new Yen(fee) >= round.CompanyMinimumPerHour) return;
        var error = ExpertErrors.FeeBelowMinimum(round.CompanyMinimumPerHour);
        ctx.AddError(error.At(nameof(SaveExpertProfileCommand.HourlyFee)));
    }
}

public sealed class SaveExpertProfileHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SaveExpertProfileCommand, Result<ExpertSaved>>
{
    public async ValueTask<Result<ExpertSaved>> Handle(SaveExpertProfileCommand cmd, CancellationToken ct)
    {
        var userId = user.RequiredId();
        // Saved whole and in turn (see SaveCompanyProfile): a repeated save finds the change request the first one opened.
        await OwnerLocks.TakeAsync(db, "expert-profile", userId, ct);
        var mine = db.Experts.OwnedBy(user);
        var expert = cmd.ExpertId is { } id
            ? await mine.SingleOrDefaultAsync(e => e.Id == id, ct)
            : await mine.SingleOrDefaultAsync(ct);
        if (cmd.ExpertId is not null && expert is null) return ExpertAccess.NotFound;

        var skills = (cmd.Skills ?? []).Where(s => s.Level is not null).Select(s => new ExpertSkill(s.Code!, s.Level!.Value)).DistinctBy(s => s.SkillCode).ToList();
        var codes = skills.Select(s => s.SkillCode).ToList();
        var known = await db.Skills.CountAsync(s => codes.Contains(s.Code) && s.IsActive, ct);
        if (known != codes.Count) return Error.Invalid("expert.unknown_skill", "skills");

        var profile = ToProfile(cmd, skills);
        var now = clock.GetUtcNow();
        Guid? pendingRequestId = null;
        var created = expert is null;
        if (expert is null)
        {
            expert = Expert.Register(userId, profile, now);
            db.Experts.Add(expert);
        }
        else
        {
            var change = expert.Edit(profile, userId, now);
            var pending = await db.ExpertChangeRequests
                .SingleOrDefaultAsync(r => r.ExpertId == expert.Id && r.Status == ChangeRequestStatus.Pending, ct);
            if (change is not null && pending is not null)
            {
                // Saving the profile again without touching the fee or account leaves the request as it was.
                if (pending.Change != change) pending.Revise(change, now);
            }
            else if (change is not null)
            {
                pending = ExpertChangeRequest.Open(expert.Id, change, userId, now);
                db.ExpertChangeRequests.Add(pending);
            }
            else if (pending is not null)
            {
                pending.Withdraw(userId, now);
                pending = null;
            }
            pendingRequestId = pending?.Id;
        }
        await db.SaveChangesAsync(ct);
        return new ExpertSaved(expert.Id, created, expert.Status, pendingRequestId);
    }

    /// <summary>The validator has accepted the input, so every value parses here.</summary>
    private static ExpertProfile ToProfile(SaveExpertProfileCommand cmd, IReadOnlyList<ExpertSkill> skills)
    {
        TypedNumber.TryParse(cmd.HourlyFee, out var fee);
        var bank = cmd.BankAccount!;
        var account = BankAccount.Create(bank.BankCode, bank.BranchCode, bank.AccountType, bank.AccountNumber, bank.HolderName).Value;
        var qualifications = (cmd.Qualifications ?? []).Where(q => !q.IsBlank)
            .Select(q => new ExpertQualification(q.Code!, TypedInput.HalfWidth(q.CertificateNumber))).ToList();
        return new ExpertProfile(
            cmd.Kind!.Value, cmd.DisplayName!.Trim(), Kana.Normalize(cmd.DisplayNameKana), cmd.Bio!.Trim(),
            cmd.OffersOnline, cmd.PrefectureCodes ?? [], cmd.Languages!, skills, qualifications, new Yen(fee), account);
    }
}
