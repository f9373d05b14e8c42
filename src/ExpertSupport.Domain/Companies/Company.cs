using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reference;

namespace ExpertSupport.Domain.Companies;

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

/// <summary>A small or medium-sized enterprise (中小企業・小規模事業者) that books experts.</summary>
public sealed class Company : AuditedEntity
{
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
    public long CapitalYen { get; private set; }
    public int Employees { get; private set; }
    public CompanyStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static Company Register(
        Guid userId, LegalForm legalForm, string name, string nameKana, string? corporateNumber,
        short prefectureCode, string address, IndustryCategory industry, long capitalYen, int employees,
        DateTimeOffset now)
    {
        var company = new Company
        {
            UserId = userId,
            LegalForm = legalForm,
            Name = name,
            NameKana = nameKana,
            CorporateNumber = corporateNumber,
            PrefectureCode = prefectureCode,
            Address = address,
            Industry = industry,
            CapitalYen = capitalYen,
            Employees = employees,
            Status = CompanyStatus.Active,
            CreatedAt = now,
        };
        company.RecordTransition(null, nameof(CompanyStatus.Active), userId, now);
        return company;
    }
}
