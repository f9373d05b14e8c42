using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

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
    public const long MinHourlyFee = 500;
    public const long MaxHourlyFee = 1_000_000;
    public const int MaxQualifications = 10;

    public SaveExpertProfileValidator()
    {
        RuleFor(c => c.Kind).NotNull().IsInEnum().WithMessage("個人・法人の区分を選んでください。");
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("表示名を入力してください。").MaximumLength(100);
        RuleFor(c => c.DisplayNameKana).Must(k => Kana.IsKatakana(Kana.Normalize(k))).WithMessage("フリガナはカタカナで入力してください。")
            .MaximumLength(100);
        RuleFor(c => c.Bio).NotEmpty().WithMessage("自己紹介と支援実績を入力してください。審査で確認します。").MaximumLength(4000);
        RuleFor(c => c.Skills)
            .Must(s => s is not null && s.Any(x => x.Level is not null)).WithMessage("得意分野を1つ以上選び、レベルを指定してください。");
        RuleForEach(c => c.Skills).Where(s => s.Level is not null).ChildRules(skill =>
        {
            skill.RuleFor(s => s.Code).NotEmpty().WithMessage("得意分野を選んでください。");
            skill.RuleFor(s => s.Level).IsInEnum().WithMessage("レベルを選んでください。");
        });
        RuleFor(c => c.Qualifications)
            .Must(qs => qs is null || qs.Where(q => !q.IsBlank).Select(q => q.Code).Distinct().Count() == qs.Count(q => !q.IsBlank))
            .WithMessage("同じ資格が2回入力されています。")
            .Must(qs => qs is null || qs.Count(q => !q.IsBlank) <= MaxQualifications).WithMessage($"資格は{MaxQualifications}件までです。");
        RuleForEach(c => c.Qualifications).Where(q => !q.IsBlank).ChildRules(q =>
        {
            q.RuleFor(x => x.Code).Must(Domain.Reference.Qualifications.IsKnown).WithMessage("資格を一覧から選んでください。");
            q.RuleFor(x => x.CertificateNumber).NotEmpty().WithMessage("登録番号または合格証書番号を入力してください。").MaximumLength(50);
        });
        RuleFor(c => c.PrefectureCodes)
            .Must((c, codes) => c.OffersOnline || codes is { Length: > 0 })
            .WithMessage("オンラインで対応するか、訪問できる都道府県を1つ以上選んでください。")
            .Must(codes => codes is null || codes.All(Prefectures.IsValid)).WithMessage("都道府県の指定が正しくありません。");
        RuleFor(c => c.Languages)
            .Must(ls => ls is { Length: > 0 } && ls.All(Domain.Reference.Languages.IsKnown)).WithMessage("対応できる言語を1つ以上選んでください。");
        RuleFor(c => c.HourlyFee)
            .Must(v => TypedNumber.TryParse(v, out var fee) && fee >= MinHourlyFee)
            .WithMessage($"時間単価は{MinHourlyFee}円以上で、円単位の数字で入力してください（税込）。")
            .Must(v => !TypedNumber.TryParse(v, out var fee) || fee <= MaxHourlyFee)
            .WithMessage("時間単価が大きすぎます。入力をご確認ください。");
        RuleFor(c => c.BankAccount).Custom((bank, ctx) =>
        {
            var checkedAccount = Domain.Experts.BankAccount.Create(bank?.BankCode, bank?.BranchCode, bank?.AccountType, bank?.AccountNumber, bank?.HolderName);
            foreach (var error in checkedAccount.Errors)
                ctx.AddFailure(new ValidationFailure($"BankAccount.{char.ToUpperInvariant(error.Field![0])}{error.Field[1..]}", error.Message) { ErrorCode = error.Code });
        });
        RuleFor(c => c.DeclaresNoConflictOfInterest).Equal(true)
            .WithMessage("利益相反がないことの申告にチェックを入れてください。");
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
        if (known != codes.Count) return Error.Invalid("expert.unknown_skill", "選べない得意分野が含まれています。一覧から選び直してください。", "skills");

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
            cmd.OffersOnline, cmd.PrefectureCodes ?? [], cmd.Languages!, skills, qualifications, fee, account);
    }
}
