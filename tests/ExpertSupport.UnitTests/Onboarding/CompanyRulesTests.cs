using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Reference;
using ExpertSupport.Web.Localization;

namespace ExpertSupport.UnitTests.Onboarding;

public sealed class CompanyRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid Office = Guid.CreateVersion7();

    internal static CompanyProfile Profile(IndustryCategory industry = IndustryCategory.Retail, long capital = 10_000_000, int employees = 10) =>
        new(LegalForm.Corporation, "株式会社テスト", "カブシキガイシャテスト", CorporateNumber.WithCheckDigit("123456789012"), 13, "千代田区1-1",
            industry, new Yen(capital), employees, [new ContactPerson("山田 太郎", "ヤマダ タロウ", "総務部", "03-1234-5678", "a@example.jp")]);

    [Fact]
    public void An_SME_that_is_not_suspended_can_create_plans_and_book()
    {
        var company = Company.Register(Guid.CreateVersion7(), Profile(), Now);

        Assert.True(company.CanCreatePlans);
        Assert.True(company.CanBook);
        Assert.True(company.EnsureCanBook().IsSuccess);
        Assert.True(company.EnsureCanCreatePlans().IsSuccess);
    }

    [Fact]
    public void A_company_above_the_SME_limits_cannot_create_plans_and_is_told_why()
    {
        var company = Company.Register(Guid.CreateVersion7(), Profile(IndustryCategory.Retail, 60_000_000, 51), Now);

        Assert.False(company.CanCreatePlans);
        var refusal = company.EnsureCanCreatePlans().FirstError;
        Assert.Equal("company.not_sme", refusal.Code);
        Assert.Contains("小売業", ErrorText.Japanese(refusal));
    }

    [Fact]
    public void A_suspended_company_cannot_book_until_it_is_reinstated_and_both_changes_are_audited()
    {
        var company = Company.Register(Guid.CreateVersion7(), Profile(), Now);
        company.ClearPendingAudit();

        Assert.True(company.Suspend(Office, "書類に不備があるため", Now).IsSuccess);
        Assert.False(company.CanBook);
        Assert.False(company.CanCreatePlans);
        Assert.Equal("company.suspended", company.EnsureCanBook().FirstError.Code);

        Assert.True(company.Reinstate(Office, null, Now.AddDays(1)).IsSuccess);
        Assert.True(company.CanBook);
        Assert.Null(company.StatusReason);

        Assert.Collection(company.PendingAudit,
            a => Assert.Equal(("Active", "Suspended", "書類に不備があるため", (Guid?)Office), (a.FromState!, a.ToState, a.Reason!, a.ActorUserId)),
            a => Assert.Equal(("Suspended", "Active"), (a.FromState!, a.ToState)));
    }

    [Fact]
    public void Suspension_needs_a_reason()
    {
        var company = Company.Register(Guid.CreateVersion7(), Profile(), Now);

        Assert.Equal("reason", company.Suspend(Office, "  ", Now).FirstError.Field);
        Assert.True(company.CanBook);
    }

    [Fact]
    public void A_change_of_the_SME_result_on_save_is_audited_with_the_explanation()
    {
        var owner = Guid.CreateVersion7();
        var company = Company.Register(owner, Profile(), Now);
        company.ClearPendingAudit();

        company.UpdateProfile(Profile(IndustryCategory.Retail, 60_000_000, 80), owner, Now);

        var entry = Assert.Single(company.PendingAudit);
        Assert.Equal(("SmeEligible", "SmeIneligible"), (entry.FromState!, entry.ToState));
        Assert.Equal(company.SmeExplanation, entry.Reason);
        Assert.False(company.CanCreatePlans);
    }

    [Fact]
    public void A_sole_proprietor_keeps_no_corporate_number()
    {
        var company = Company.Register(Guid.CreateVersion7(), Profile() with { LegalForm = LegalForm.SoleProprietor }, Now);

        Assert.Null(company.CorporateNumber);
    }
}
