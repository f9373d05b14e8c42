using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reference;

namespace ExpertSupport.Domain.Companies;

/// <summary>The legal forms the programme accepts. Unincorporated groups (任意団体) are not eligible and have no value here.</summary>
public enum LegalForm
{
    /// <summary>株式会社・合同会社など</summary>
    Corporation = 0,
    /// <summary>個人事業主</summary>
    SoleProprietor = 1,
    /// <summary>特定非営利活動法人</summary>
    Npo = 2,
    /// <summary>一般社団・財団法人、医療法人、社会福祉法人など</summary>
    OtherNonProfit = 3,
}

public enum CompanyStatus
{
    Active = 0,
    Suspended = 1,
}

/// <summary>Someone the expert and the office can reach at the company.</summary>
public sealed record ContactPerson(string Name, string NameKana, string Department, string Phone, string Email);

/// <summary>Everything a company states about itself; checked by the application before it gets here.</summary>
public sealed record CompanyProfile(
    LegalForm LegalForm, string Name, string NameKana, string? CorporateNumber,
    short PrefectureCode, string Address, IndustryCategory Industry, Yen CapitalYen, int Employees,
    IReadOnlyList<ContactPerson> Contacts);

/// <summary>A small or medium-sized enterprise (中小企業・小規模事業者) that books experts.</summary>
public sealed class Company : AuditedEntity
{
    private readonly List<ContactPerson> _contacts = [];

    private Company() { }

    public Guid UserId { get; private set; }
    public LegalForm LegalForm { get; private set; }
    public string Name { get; private set; } = "";
    public string NameKana { get; private set; } = "";
    /// <summary>法人番号, 13 digits; null for sole proprietors.</summary>
    public string? CorporateNumber { get; private set; }
    public short PrefectureCode { get; private set; }
    public string Address { get; private set; } = "";
    public IndustryCategory Industry { get; private set; }
    public Yen CapitalYen { get; private set; }
    public int Employees { get; private set; }
    public IReadOnlyList<ContactPerson> Contacts => _contacts;
    /// <summary>The SME test of the last save (中小企業基本法 第2条); see <see cref="SmeTest"/>.</summary>
    public bool SmeEligible { get; private set; }
    public bool IsSmallBusiness { get; private set; }
    public string SmeExplanation { get; private set; } = "";
    public CompanyStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>New support plans need an SME that the office has not suspended. Plans already agreed keep running.</summary>
    public bool CanCreatePlans => Status == CompanyStatus.Active && SmeEligible;

    /// <summary>New bookings need the same; a suspended company keeps its history but books nothing new.</summary>
    public bool CanBook => Status == CompanyStatus.Active && SmeEligible;

    public static Company Register(Guid userId, CompanyProfile profile, DateTimeOffset now)
    {
        var company = new Company { UserId = userId, Status = CompanyStatus.Active, CreatedAt = now };
        company.Apply(profile, now);
        company.RecordTransition(null, nameof(CompanyStatus.Active), userId, now, company.SmeExplanation);
        return company;
    }

    /// <summary>The foundation's short form, kept for features and tests that need a company without contact persons.</summary>
    public static Company Register(
        Guid userId, LegalForm legalForm, string name, string nameKana, string? corporateNumber,
        short prefectureCode, string address, IndustryCategory industry, Yen capitalYen, int employees,
        DateTimeOffset now) =>
        Register(userId, new CompanyProfile(legalForm, name, nameKana, corporateNumber, prefectureCode, address, industry, capitalYen, employees, []), now);

    /// <summary>Saves the profile and runs the SME test again; a change of the outcome is audited.</summary>
    public void UpdateProfile(CompanyProfile profile, Guid actorUserId, DateTimeOffset now)
    {
        var wasEligible = SmeEligible;
        Apply(profile, now);
        if (wasEligible != SmeEligible)
            RecordTransition(SmeState(wasEligible), SmeState(SmeEligible), actorUserId, now, SmeExplanation);
    }

    /// <summary>Why this company may not create a plan now, or success. The plan feature calls this.</summary>
    public Result EnsureCanCreatePlans() =>
        Status == CompanyStatus.Suspended ? CompanyErrors.Suspended
        : !SmeEligible ? CompanyErrors.NotSme(SmeExplanation)
        : Result.Success;

    /// <summary>Why this company may not book a session now, or success. The booking feature calls this.</summary>
    public Result EnsureCanBook() =>
        Status == CompanyStatus.Suspended ? CompanyErrors.Suspended
        : !SmeEligible ? CompanyErrors.NotSme(SmeExplanation)
        : Result.Success;

    public Result Suspend(Guid officeUserId, string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) return CompanyErrors.ReasonRequired;
        if (Status == CompanyStatus.Suspended) return CompanyErrors.AlreadySuspended;
        Transition(CompanyStatus.Suspended, officeUserId, now, reason.Trim());
        return Result.Success;
    }

    public Result Reinstate(Guid officeUserId, string? reason, DateTimeOffset now)
    {
        if (Status != CompanyStatus.Suspended) return CompanyErrors.AlreadyActive;
        Transition(CompanyStatus.Active, officeUserId, now, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        return Result.Success;
    }

    private void Apply(CompanyProfile p, DateTimeOffset now)
    {
        LegalForm = p.LegalForm;
        Name = p.Name;
        NameKana = p.NameKana;
        CorporateNumber = p.LegalForm == LegalForm.SoleProprietor ? null : p.CorporateNumber;
        PrefectureCode = p.PrefectureCode;
        Address = p.Address;
        Industry = p.Industry;
        CapitalYen = p.CapitalYen;
        Employees = p.Employees;
        _contacts.Clear();
        _contacts.AddRange(p.Contacts);
        var sme = SmeTest.Assess(p.LegalForm, p.Industry, p.CapitalYen, p.Employees);
        SmeEligible = sme.IsSme;
        IsSmallBusiness = sme.IsSmallBusiness;
        SmeExplanation = sme.Explanation;
        UpdatedAt = now;
    }

    private void Transition(CompanyStatus to, Guid actor, DateTimeOffset now, string? reason)
    {
        RecordTransition(Status.ToString(), to.ToString(), actor, now, reason);
        Status = to;
        StatusReason = to == CompanyStatus.Suspended ? reason : null;
    }

    private static string SmeState(bool eligible) => eligible ? "SmeEligible" : "SmeIneligible";
}
