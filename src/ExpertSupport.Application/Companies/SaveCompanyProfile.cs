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
        RuleFor(c => c.LegalForm).NotNull().IsInEnum().WithError(new("company.legal_form_required"));
        RuleFor(c => c.Name).NotEmpty().WithError(new("company.name_required")).MaximumLength(200);
        RuleFor(c => c.NameKana).Must(k => Kana.IsKatakana(Kana.Normalize(k))).WithError(new("input.kana"))
            .MaximumLength(200);
        RuleFor(c => c.CorporateNumber)
            .NotEmpty().WithError(new("company.corporate_number_required"))
            .Must(n => Domain.Companies.CorporateNumber.TryParse(n, out _))
            .WithError(new("company.corporate_number_invalid"))
            .When(c => c.LegalForm is not null and not Domain.Companies.LegalForm.SoleProprietor);
        RuleFor(c => c.PrefectureCode).Must(p => p is { } code && Prefectures.IsValid(code)).WithError(new("company.prefecture_required"));
        RuleFor(c => c.Address).NotEmpty().WithError(new("company.address_required")).MaximumLength(300);
        RuleFor(c => c.Industry).NotNull().IsInEnum().WithError(new("company.industry_required"));
        RuleFor(c => c.CapitalYen)
            .Must(v => TypedNumber.TryParse(v, out _))
            .WithError(new("company.capital_invalid"))
            .When(c => c.LegalForm == Domain.Companies.LegalForm.Corporation || !string.IsNullOrWhiteSpace(c.CapitalYen));
        RuleFor(c => c.Employees)
            .Must(v => TypedNumber.TryParse(v, out var n) && n <= 10_000_000)
            .WithError(new("company.employees_invalid"));
        RuleFor(c => c.Contacts)
            .Must(cs => cs is not null && cs.Any(c => !c.IsBlank)).WithError(new("company.contacts_required"))
            .Must(cs => cs is null || cs.Count(c => !c.IsBlank) <= MaxContacts).WithError(new("company.too_many_contacts", MaxContacts));
        RuleForEach(c => c.Contacts).Where(c => !c.IsBlank).ChildRules(contact =>
        {
            contact.RuleFor(c => c.Name).NotEmpty().WithError(new("company.contact_name_required")).MaximumLength(100);
            contact.RuleFor(c => c.NameKana).Must(k => Kana.IsKatakana(Kana.Normalize(k)))
                .WithError(new("company.contact_kana")).MaximumLength(100);
            contact.RuleFor(c => c.Department).MaximumLength(100);
            contact.RuleFor(c => c.Phone).Must(p => TypedInput.DigitsOnly(p) is { Length: >= 10 and <= 11 } d && d.All(char.IsAsciiDigit) && d[0] == '0')
                .WithError(new("company.contact_phone"));
            contact.RuleFor(c => c.Email).Must(e => EmailInput.IsPlausible(TypedInput.HalfWidth(e)))
                .WithError(new("company.contact_email"));
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
            return Error.Conflict("company.duplicate_corporate_number").At("corporateNumber");
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
            cmd.PrefectureCode!.Value, cmd.Address!.Trim(), cmd.Industry!.Value, new Yen(capital), (int)employees, contacts);
    }
}
