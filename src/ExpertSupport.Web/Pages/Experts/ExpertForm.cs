using System.Globalization;
using ExpertSupport.Application.Experts;
using ExpertSupport.Application.Reference;
using ExpertSupport.Domain.Experts;

namespace ExpertSupport.Web.Pages.Experts;

/// <summary>The expert profile form as posted: one row per taxonomy skill, qualification rows by index, text as typed.</summary>
public sealed class ExpertForm
{
    public const int MinQualificationRows = 2;

    public ExpertKind? Kind { get; set; }
    public string? DisplayName { get; set; }
    public string? DisplayNameKana { get; set; }
    public string? Bio { get; set; }
    public List<SkillRow> Skills { get; set; } = [];
    public List<QualificationRow> Qualifications { get; set; } = [];
    public short[] PrefectureCodes { get; set; } = [];
    public bool OffersOnline { get; set; }
    public string[] Languages { get; set; } = ["ja"];
    public string? HourlyFee { get; set; }
    public BankAccountRow BankAccount { get; set; } = new();
    public bool DeclaresNoConflictOfInterest { get; set; }

    public sealed class SkillRow
    {
        public string? Code { get; set; }
        public SkillLevel? Level { get; set; }
    }

    public sealed class QualificationRow
    {
        public string? Code { get; set; }
        public string? CertificateNumber { get; set; }
    }

    public sealed class BankAccountRow
    {
        public string? BankCode { get; set; }
        public string? BranchCode { get; set; }
        public BankAccountType? AccountType { get; set; }
        public string? AccountNumber { get; set; }
        public string? HolderName { get; set; }
    }

    /// <summary>
    /// The saved profile, with the fee and account of a pending change request when there is one: the expert sees what
    /// they asked for, and saving again without touching them keeps the request as it is.
    /// </summary>
    public static ExpertForm From(ExpertProfileView p)
    {
        var fee = p.PendingChange?.HourlyFee ?? p.HourlyFee;
        var bank = p.PendingChange?.BankAccount ?? p.BankAccount;
        return new ExpertForm
        {
            Kind = p.Kind,
            DisplayName = p.DisplayName,
            DisplayNameKana = p.DisplayNameKana,
            Bio = p.Bio,
            Skills = [.. p.Skills.Select(s => new SkillRow { Code = s.SkillCode, Level = s.Level })],
            Qualifications = [.. p.Qualifications.Select(q => new QualificationRow { Code = q.QualificationCode, CertificateNumber = q.CertificateNumber })],
            PrefectureCodes = p.PrefectureCodes,
            OffersOnline = p.OffersOnline,
            Languages = p.Languages,
            HourlyFee = fee.ToNumberString(),
            BankAccount = bank is null ? new BankAccountRow() : new BankAccountRow
            {
                BankCode = bank.BankCode, BranchCode = bank.BranchCode, AccountType = bank.AccountType,
                AccountNumber = bank.AccountNumber, HolderName = bank.HolderName,
            },
            // The declaration is made anew with every save.
            DeclaresNoConflictOfInterest = false,
        };
    }

    /// <summary>One skill row per taxonomy entry, in taxonomy order, keeping levels chosen; one spare qualification row.</summary>
    public void Arrange(IReadOnlyList<SkillOption> taxonomy)
    {
        var levels = Skills.Where(s => s.Code is not null).GroupBy(s => s.Code!).ToDictionary(g => g.Key, g => g.First().Level);
        Skills = [.. taxonomy.Select(t => new SkillRow { Code = t.Code, Level = levels.GetValueOrDefault(t.Code) })];
        var filled = Qualifications.Count(q => !string.IsNullOrWhiteSpace(q.Code) || !string.IsNullOrWhiteSpace(q.CertificateNumber));
        var rows = Math.Min(SaveExpertProfileValidator.MaxQualifications, Math.Max(MinQualificationRows, filled + 1));
        while (Qualifications.Count < rows) Qualifications.Add(new QualificationRow());
    }

    public SaveExpertProfileCommand ToCommand() => new(
        null, Kind, DisplayName, DisplayNameKana, Bio,
        [.. Skills.Select(s => new SkillInput(s.Code, s.Level))],
        [.. Qualifications.Select(q => new QualificationInput(q.Code, q.CertificateNumber))],
        PrefectureCodes, OffersOnline, Languages, HourlyFee,
        new BankAccountInput(BankAccount.BankCode, BankAccount.BranchCode, BankAccount.AccountType, BankAccount.AccountNumber, BankAccount.HolderName),
        DeclaresNoConflictOfInterest);
}
