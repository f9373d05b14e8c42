using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Reference;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Companies;

public sealed record ContactPersonInput(string? Name, string? NameKana, string? Department, string? Phone, string? Email)
{
    /// <summary>An untouched row of the form; it is left out rather than refused.</summary>
    internal bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(NameKana)
        && string.IsNullOrWhiteSpace(Department) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email);
}

/// <summary>
/// Creates the signed-in company's profile, or updates it (the company with <paramref name="CompanyId"/>, or the
/// user's own when null). Numbers may be typed with full-width digits and commas; the SME test runs on every save.
/// </summary>
[CompanyOnly]
public sealed record SaveCompanyProfileCommand(
    Guid? CompanyId, LegalForm? LegalForm, string? Name, string? NameKana, string? CorporateNumber,
    short? PrefectureCode, string? Address, IndustryCategory? Industry, string? CapitalYen, string? Employees,
    IReadOnlyList<ContactPersonInput>? Contacts) : ICommand<Result<CompanySaved>>;

public sealed record CompanySaved(Guid CompanyId, bool Created, bool SmeEligible, bool IsSmallBusiness, string SmeExplanation);

public sealed class SaveCompanyProfileValidator : AbstractValidator<SaveCompanyProfileCommand>
{
    public const int MaxContacts = 5;

    public SaveCompanyProfileValidator()
    {
        RuleFor(c => c.LegalForm).NotNull().IsInEnum().WithMessage("事業形態を選んでください。");
        RuleFor(c => c.Name).NotEmpty().WithMessage("会社名（個人事業主は屋号またはお名前）を入力してください。").MaximumLength(200);
        RuleFor(c => c.NameKana).Must(k => Kana.IsKatakana(Kana.Normalize(k))).WithMessage("フリガナはカタカナで入力してください。")
            .MaximumLength(200);
        RuleFor(c => c.CorporateNumber)
            .NotEmpty().WithMessage("法人番号（13桁）を入力してください。個人事業主の方は不要です。")
            .Must(n => Domain.Companies.CorporateNumber.TryParse(n, out _))
            .WithMessage("法人番号が正しくありません。13桁の数字をご確認ください（国税庁の法人番号公表サイトで確認できます）。")
            .When(c => c.LegalForm is not null and not Domain.Companies.LegalForm.SoleProprietor);
        RuleFor(c => c.PrefectureCode).Must(p => p is { } code && Prefectures.IsValid(code)).WithMessage("都道府県を選んでください。");
        RuleFor(c => c.Address).NotEmpty().WithMessage("所在地を入力してください。").MaximumLength(300);
        RuleFor(c => c.Industry).NotNull().IsInEnum().WithMessage("業種を選んでください。");
        RuleFor(c => c.CapitalYen)
            .Must(v => TypedNumber.TryParse(v, out _))
            .WithMessage("資本金を円単位の数字で入力してください（例: 10,000,000）。")
            .When(c => c.LegalForm == Domain.Companies.LegalForm.Corporation || !string.IsNullOrWhiteSpace(c.CapitalYen));
        RuleFor(c => c.Employees)
            .Must(v => TypedNumber.TryParse(v, out var n) && n <= 10_000_000)
            .WithMessage("常時使用する従業員の数を入力してください（いない場合は 0）。");
        RuleFor(c => c.Contacts)
            .Must(cs => cs is not null && cs.Any(c => !c.IsBlank)).WithMessage("連絡担当者を1人以上入力してください。")
            .Must(cs => cs is null || cs.Count(c => !c.IsBlank) <= MaxContacts).WithMessage($"連絡担当者は{MaxContacts}人までです。");
        RuleForEach(c => c.Contacts).Where(c => !c.IsBlank).ChildRules(contact =>
        {
            contact.RuleFor(c => c.Name).NotEmpty().WithMessage("担当者のお名前を入力してください。").MaximumLength(100);
            contact.RuleFor(c => c.NameKana).Must(k => Kana.IsKatakana(Kana.Normalize(k)))
                .WithMessage("担当者のフリガナはカタカナで入力してください。").MaximumLength(100);
            contact.RuleFor(c => c.Department).MaximumLength(100);
            contact.RuleFor(c => c.Phone).Must(p => TypedInput.DigitsOnly(p) is { Length: >= 10 and <= 11 } d && d.All(char.IsAsciiDigit) && d[0] == '0')
                .WithMessage("電話番号は市外局番から入力してください（例: 03-1234-5678）。");
            contact.RuleFor(c => c.Email).Must(e => EmailInput.IsPlausible(TypedInput.HalfWidth(e)))
                .WithMessage("担当者のメールアドレスを正しく入力してください（例: info@example.co.jp）。");
        });
    }
}

public sealed class SaveCompanyProfileHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SaveCompanyProfileCommand, Result<CompanySaved>>
{
    public async ValueTask<Result<CompanySaved>> Handle(SaveCompanyProfileCommand cmd, CancellationToken ct)
    {
        var userId = user.RequiredId();
        // A profile is a document saved whole: saves of one user's profile take turns (a double-submit saves twice, in
        // order, the same values), and a second first save finds the company the first one registered.
        await OwnerLocks.TakeAsync(db, "company-profile", userId, ct);
        var mine = db.Companies.OwnedBy(user);
        var company = cmd.CompanyId is { } id
            ? await mine.SingleOrDefaultAsync(c => c.Id == id, ct)
            : await mine.SingleOrDefaultAsync(ct);
        if (cmd.CompanyId is not null && company is null) return CompanyAccess.NotFound;

        var profile = ToProfile(cmd);
        if (profile.CorporateNumber is { } number
            && await db.Companies.AnyAsync(c => c.CorporateNumber == number && c.UserId != userId, ct))
        {
            return new Error("company.duplicate_corporate_number",
                "この法人番号の企業はすでに登録されています。同じ法人で2つ目のアカウントは作れません。事務局にご相談ください。",
                ErrorKind.Conflict, "corporateNumber");
        }

        var now = clock.GetUtcNow();
        var created = company is null;
        if (company is null)
        {
            company = Company.Register(userId, profile, now);
            db.Companies.Add(company);
        }
        else
        {
            company.UpdateProfile(profile, userId, now);
        }
        await db.SaveChangesAsync(ct);
        return new CompanySaved(company.Id, created, company.SmeEligible, company.IsSmallBusiness, company.SmeExplanation);
    }

    /// <summary>The validator has accepted the input, so every value parses here.</summary>
    private static CompanyProfile ToProfile(SaveCompanyProfileCommand cmd)
    {
        var legalForm = cmd.LegalForm!.Value;
        string? corporateNumber = null;
        if (legalForm != LegalForm.SoleProprietor && CorporateNumber.TryParse(cmd.CorporateNumber, out var normalized))
            corporateNumber = normalized;
        TypedNumber.TryParse(cmd.CapitalYen, out var capital);
        TypedNumber.TryParse(cmd.Employees, out var employees);
        var contacts = (cmd.Contacts ?? []).Where(c => !c.IsBlank)
            .Select(c => new ContactPerson(c.Name!.Trim(), Kana.Normalize(c.NameKana), c.Department?.Trim() ?? "",
                TypedInput.HalfWidth(c.Phone), TypedInput.HalfWidth(c.Email)))
            .Distinct()
            .ToList();
        return new CompanyProfile(legalForm, cmd.Name!.Trim(), Kana.Normalize(cmd.NameKana), corporateNumber,
            cmd.PrefectureCode!.Value, cmd.Address!.Trim(), cmd.Industry!.Value, capital, (int)employees, contacts);
    }
}
