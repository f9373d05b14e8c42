using ExpertSupport.Domain.Common;
using System.Globalization;
using ExpertSupport.Application.Companies;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Reference;

namespace ExpertSupport.Web.Pages.Companies;

/// <summary>The company profile form as posted: text as typed (full-width digits welcome), contact rows by index.</summary>
public sealed class CompanyForm
{
    public const int MinContactRows = 2;

    public LegalForm? LegalForm { get; set; }
    public string? Name { get; set; }
    public string? NameKana { get; set; }
    public string? CorporateNumber { get; set; }
    public short? PrefectureCode { get; set; }
    public string? Address { get; set; }
    public IndustryCategory? Industry { get; set; }
    public string? CapitalYen { get; set; }
    public string? Employees { get; set; }
    public List<ContactRow> Contacts { get; set; } = [];

    public sealed class ContactRow
    {
        public string? Name { get; set; }
        public string? NameKana { get; set; }
        public string? Department { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
    }

    public static CompanyForm From(CompanyProfileView p) => new()
    {
        LegalForm = p.LegalForm,
        Name = p.Name,
        NameKana = p.NameKana,
        CorporateNumber = p.CorporateNumber,
        PrefectureCode = p.PrefectureCode,
        Address = p.Address,
        Industry = p.Industry,
        CapitalYen = p.LegalForm == Domain.Companies.LegalForm.Corporation || p.CapitalYen > Yen.Zero ? p.CapitalYen.ToNumberString() : "",
        Employees = p.Employees.ToString(CultureInfo.InvariantCulture),
        Contacts = [.. p.Contacts.Select(c => new ContactRow { Name = c.Name, NameKana = c.NameKana, Department = c.Department, Phone = c.Phone, Email = c.Email })],
    };

    /// <summary>Always one empty row to add a person, and never fewer than two rows; rows keep their indices.</summary>
    public void PadContacts()
    {
        var filled = Contacts.Count(c => !string.IsNullOrWhiteSpace(c.Name) || !string.IsNullOrWhiteSpace(c.Email));
        var rows = Math.Min(SaveCompanyProfileValidator.MaxContacts, Math.Max(MinContactRows, filled + 1));
        while (Contacts.Count < rows) Contacts.Add(new ContactRow());
    }

    public SaveCompanyProfileCommand ToCommand() => new(
        null, LegalForm, Name, NameKana, CorporateNumber, PrefectureCode, Address, Industry, CapitalYen, Employees,
        [.. Contacts.Select(c => new ContactPersonInput(c.Name, c.NameKana, c.Department, c.Phone, c.Email))]);
}
