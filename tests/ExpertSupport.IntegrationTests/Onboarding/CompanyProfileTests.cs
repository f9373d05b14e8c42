using ExpertSupport.Application.Companies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Reference;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Onboarding;

/// <summary>The company profile command on real PostgreSQL: 法人番号, the SME test, contact persons, ownership.</summary>
public sealed class CompanyProfileTests(SharedAppFixture fixture)
{
    private Task<Result<CompanySaved>> SaveAsync(TestUser user, SaveCompanyProfileCommand cmd) =>
        fixture.App.Send(user, s => s.Send(cmd));

    [Fact]
    public async Task A_valid_corporate_number_typed_in_full_width_with_hyphens_is_stored_as_13_digits()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Company);
        var number = CompanyProfiles.NewCorporateNumber();
        var typed = $"{number[0]}-{number[1..5]}-{number[5..9]}-{number[9..]}".Normalize(System.Text.NormalizationForm.FormKC)
            .Aggregate("", (s, c) => s + (char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : 'ー'));

        var result = await SaveAsync(user, CompanyProfiles.Valid() with { CorporateNumber = typed, CapitalYen = "１０，０００，０００", Employees = "１２" });

        Assert.True(result.IsSuccess, string.Join(" ", result.Errors.Select(e => e.ToString())));
        var company = await fixture.App.Db(db => db.Companies.AsNoTracking().SingleAsync(c => c.Id == result.Value.CompanyId));
        Assert.Equal(number, company.CorporateNumber);
        Assert.Equal(new Yen(10_000_000), company.CapitalYen);
        Assert.Equal(12, company.Employees);
        Assert.Single(company.Contacts);
    }

    [Theory]
    [InlineData("1234567890123")]
    [InlineData("12345")]
    [InlineData("abcdefghijklm")]
    [InlineData("")]
    public async Task A_wrong_corporate_number_is_refused_beside_its_field(string typed)
    {
        var user = await fixture.App.CreateUserAsync(Roles.Company);
        var valid = CorporateNumber.WithCheckDigit("123456789012");
        var wrongCheckDigit = ((valid[0] - '0' + 1) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + valid[1..];

        var result = await SaveAsync(user, CompanyProfiles.Valid() with { CorporateNumber = typed == "1234567890123" ? wrongCheckDigit : typed });

        Assert.True(result.IsFailure);
        Assert.Contains(result.Errors, e => e.Field == "corporateNumber");
        Assert.False(await fixture.App.Db(db => db.Companies.AnyAsync(c => c.UserId == user.Id)));
    }

    [Fact]
    public async Task A_sole_proprietor_needs_no_corporate_number_and_is_judged_on_staff()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Company);

        var result = await SaveAsync(user, CompanyProfiles.Valid() with
        {
            LegalForm = LegalForm.SoleProprietor, CorporateNumber = null, CapitalYen = "", Employees = "3", Industry = IndustryCategory.Retail,
        });

        Assert.True(result.IsSuccess, string.Join(" ", result.Errors.Select(e => e.ToString())));
        Assert.True(result.Value.SmeEligible);
        Assert.True(result.Value.IsSmallBusiness);
        var company = await fixture.App.Db(db => db.Companies.AsNoTracking().SingleAsync(c => c.UserId == user.Id));
        Assert.Null(company.CorporateNumber);
    }

    [Fact]
    public async Task One_corporate_number_registers_one_company()
    {
        var number = CompanyProfiles.NewCorporateNumber();
        var first = await fixture.App.CreateUserAsync(Roles.Company);
        var second = await fixture.App.CreateUserAsync(Roles.Company);
        Assert.True((await SaveAsync(first, CompanyProfiles.Valid(number))).IsSuccess);

        var result = await SaveAsync(second, CompanyProfiles.Valid(number));

        Assert.Equal((ErrorKind.Conflict, "corporateNumber"), (result.FirstError.Kind, result.FirstError.Field));
    }

    [Fact]
    public async Task A_company_above_the_SME_limits_is_told_which_limit_by_how_much_and_cannot_create_plans()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Company);

        var result = await SaveAsync(user, CompanyProfiles.Valid() with { Industry = IndustryCategory.Wholesale, CapitalYen = "150,000,000", Employees = "120" });

        Assert.True(result.IsSuccess);
        Assert.False(result.Value.SmeEligible);
        Assert.Contains("卸売業", result.Value.SmeExplanation);
        Assert.Contains("¥50,000,000 超え", result.Value.SmeExplanation);
        Assert.Contains("20人 超え", result.Value.SmeExplanation);
        var company = await fixture.App.Db(db => db.Companies.AsNoTracking().SingleAsync(c => c.Id == result.Value.CompanyId));
        Assert.False(company.CanCreatePlans);
        Assert.Equal("company.not_sme", company.EnsureCanCreatePlans().FirstError.Code);
        Assert.False(await fixture.App.Db(db => db.Companies.CanBook().AnyAsync(c => c.Id == company.Id)));
    }

    [Fact]
    public async Task Saving_again_updates_the_profile_replaces_contacts_and_audits_a_change_of_the_SME_result()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Company);
        var created = await SaveAsync(user, CompanyProfiles.Valid());

        var updated = await SaveAsync(user, CompanyProfiles.Valid() with
        {
            Industry = IndustryCategory.Retail, CapitalYen = "60,000,000", Employees = "55",
            Contacts = [new ContactPersonInput("佐藤 花子", "さとう はなこ", null, "090-1234-5678", "ｓａｔｏ@example.jp"), new ContactPersonInput(null, null, null, null, null)],
        });

        Assert.Equal(created.Value.CompanyId, updated.Value.CompanyId);
        Assert.False(updated.Value.Created);
        var (company, audit) = await fixture.App.Db(async db => (
            await db.Companies.AsNoTracking().SingleAsync(c => c.Id == created.Value.CompanyId),
            await db.AuditEntries.Where(a => a.EntityId == created.Value.CompanyId).OrderBy(a => a.Id).ToListAsync()));
        var contact = Assert.Single(company.Contacts);
        Assert.Equal(("サトウ ハナコ", "sato@example.jp"), (contact.NameKana, contact.Email));
        Assert.Equal(["Active", "SmeIneligible"], audit.Select(a => a.ToState).ToArray());
        Assert.Equal(user.Id, audit[1].ActorUserId);
    }

    [Fact]
    public async Task Every_mistake_on_the_form_is_reported_with_its_field_at_once()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Company);

        var result = await SaveAsync(user, new SaveCompanyProfileCommand(null, null, "", "山田", null, null, "", null, "abc", "-1",
            [new ContactPersonInput("山田", "やまだ", null, "12", "not-an-address")]));

        var fields = result.Errors.Select(e => e.Field).ToHashSet();
        Assert.Superset(new HashSet<string?>
        {
            "legalForm", "name", "nameKana", "prefectureCode", "address", "industry", "employees",
            "contacts[0].Phone", "contacts[0].Email",
        }, fields);
    }

    [Fact]
    public async Task Only_company_accounts_have_a_company_profile()
    {
        var expert = await fixture.App.CreateUserAsync(Roles.Expert);

        var result = await SaveAsync(expert, CompanyProfiles.Valid());

        Assert.Equal(ErrorKind.Forbidden, result.FirstError.Kind);
    }
}
