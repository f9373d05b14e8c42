using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Onboarding;

/// <summary>The expert profile command: bank account rules, visibility, and change requests after approval.</summary>
public sealed class ExpertProfileTests(SharedAppFixture fixture)
{
    private Task<Result<ExpertSaved>> SaveAsync(TestUser user, SaveExpertProfileCommand cmd) => fixture.App.Send(user, s => s.Send(cmd));

    private async Task<(TestUser User, Guid ExpertId)> ApprovedExpertAsync()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Expert);
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        var saved = await SaveAsync(user, ExpertProfiles.Valid());
        Assert.True((await fixture.App.Send(office, s => s.Send(new ApproveExpertCommand(saved.Value.ExpertId)))).IsSuccess);
        return (user, saved.Value.ExpertId);
    }

    [Fact]
    public async Task A_new_profile_is_pending_with_its_skills_qualifications_and_a_Zengin_holder_name()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Expert);

        var result = await SaveAsync(user, ExpertProfiles.Valid(hourlyFee: "６，０００",
            bank: new BankAccountInput("０００９", "１２３", BankAccountType.Ordinary, "98765", "スズキ　イチロウ")));

        Assert.True(result.IsSuccess, string.Join(" ", result.Errors.Select(e => e.ToString())));
        Assert.Equal(ExpertStatus.Pending, result.Value.Status);
        var expert = await fixture.App.Db(db => db.Experts.AsNoTracking().SingleAsync(e => e.Id == result.Value.ExpertId));
        Assert.Equal(new Yen(6_000), expert.HourlyFee);
        Assert.Equal(new BankAccount("0009", "123", BankAccountType.Ordinary, "0098765", "ｽｽﾞｷ ｲﾁﾛｳ"), expert.BankAccount);
        Assert.Equal([new ExpertSkill("cloud-accounting", SkillLevel.Experienced)], expert.Skills);
        Assert.Equal([new ExpertQualification("ipa-ap", "AP-2020-12345")], expert.Qualifications);
        Assert.NotNull(expert.ConflictOfInterestDeclaredAt);
    }

    [Fact]
    public async Task Bank_account_mistakes_are_reported_beside_each_field_and_nothing_is_saved()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Expert);

        var result = await SaveAsync(user, ExpertProfiles.Valid(bank: new BankAccountInput("12", "1234", null, "12345678", "鈴木一郎")));

        Assert.Equal(
            ["bankAccount.BankCode", "bankAccount.BranchCode", "bankAccount.AccountType", "bankAccount.AccountNumber", "bankAccount.HolderName"],
            result.Errors.Select(e => e.Field).ToArray());
        Assert.False(await fixture.App.Db(db => db.Experts.AnyAsync(e => e.UserId == user.Id)));
    }

    [Theory]
    [InlineData("499")]
    [InlineData("0")]
    [InlineData("五千")]
    public async Task An_hourly_fee_below_500_yen_is_not_eligible(string fee)
    {
        var user = await fixture.App.CreateUserAsync(Roles.Expert);

        var result = await SaveAsync(user, ExpertProfiles.Valid(hourlyFee: fee));

        Assert.Equal("hourlyFee", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task The_declaration_and_a_way_to_support_are_required()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Expert);

        var result = await SaveAsync(user, ExpertProfiles.Valid() with
        {
            DeclaresNoConflictOfInterest = false, OffersOnline = false, PrefectureCodes = [], Skills = [], Languages = [],
        });

        Assert.Equal(["skills", "prefectureCodes", "languages", "declaresNoConflictOfInterest"], result.Errors.Select(e => e.Field).ToArray());
    }

    [Fact]
    public async Task An_expert_is_invisible_to_search_until_the_office_approves_them()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Expert);
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        var id = (await SaveAsync(user, ExpertProfiles.Valid())).Value.ExpertId;

        Assert.False(await fixture.App.Db(db => db.Experts.Bookable().AnyAsync(e => e.Id == id)));

        await fixture.App.Send(office, s => s.Send(new ApproveExpertCommand(id)));

        Assert.True(await fixture.App.Db(db => db.Experts.Bookable().AnyAsync(e => e.Id == id)));
    }

    [Fact]
    public async Task A_new_fee_of_an_approved_expert_waits_for_the_office_and_applies_only_when_approved()
    {
        var (user, id) = await ApprovedExpertAsync();
        var office = await fixture.App.CreateUserAsync(Roles.Office);

        var saved = await SaveAsync(user, ExpertProfiles.Valid(hourlyFee: "7,000") with { Bio = "自己紹介を更新しました。" });

        Assert.NotNull(saved.Value.PendingChangeRequestId);
        var expert = await fixture.App.Db(db => db.Experts.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(new Yen(5_000), expert.HourlyFee);
        Assert.Equal("自己紹介を更新しました。", expert.Bio);

        // Editing again revises the same request instead of queueing another.
        var again = await SaveAsync(user, ExpertProfiles.Valid(hourlyFee: "7,500"));
        Assert.Equal(saved.Value.PendingChangeRequestId, again.Value.PendingChangeRequestId);

        var approved = await fixture.App.Send(office, s => s.Send(new ApproveChangeRequestCommand(again.Value.PendingChangeRequestId!.Value)));

        Assert.True(approved.IsSuccess);
        var after = await fixture.App.Db(db => db.Experts.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(new Yen(7_500), after.HourlyFee);
        var audit = await fixture.App.Db(db => db.AuditEntries.Where(a => a.EntityId == again.Value.PendingChangeRequestId).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([(null, "Pending"), ("Pending", "Approved")], audit.Select(a => (a.FromState, a.ToState)).ToArray());
        Assert.Equal(office.Id, audit[1].ActorUserId);
    }

    [Fact]
    public async Task A_rejected_change_keeps_the_live_account_and_records_the_reason()
    {
        var (user, id) = await ApprovedExpertAsync();
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        var saved = await SaveAsync(user, ExpertProfiles.Valid(bank: new BankAccountInput("0005", "001", BankAccountType.Current, "7654321", "ﾃｽﾄ")));

        var rejected = await fixture.App.Send(office, s => s.Send(new RejectChangeRequestCommand(saved.Value.PendingChangeRequestId!.Value, "名義が登録内容と一致しません")));

        Assert.True(rejected.IsSuccess);
        var (expert, request) = await fixture.App.Db(async db => (
            await db.Experts.AsNoTracking().SingleAsync(e => e.Id == id),
            await db.ExpertChangeRequests.AsNoTracking().SingleAsync(r => r.Id == saved.Value.PendingChangeRequestId)));
        Assert.Equal("0001", expert.BankAccount!.BankCode);
        Assert.Equal((ChangeRequestStatus.Rejected, "名義が登録内容と一致しません"), (request.Status, request.DecisionReason));
    }

    [Fact]
    public async Task Setting_the_fee_back_withdraws_the_pending_request()
    {
        var (user, _) = await ApprovedExpertAsync();
        var saved = await SaveAsync(user, ExpertProfiles.Valid(hourlyFee: "9,000"));

        var back = await SaveAsync(user, ExpertProfiles.Valid());

        Assert.Null(back.Value.PendingChangeRequestId);
        var request = await fixture.App.Db(db => db.ExpertChangeRequests.AsNoTracking().SingleAsync(r => r.Id == saved.Value.PendingChangeRequestId));
        Assert.Equal(ChangeRequestStatus.Withdrawn, request.Status);
    }

    [Fact]
    public async Task Changing_a_skill_level_and_qualifications_on_edit_is_saved()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Expert);
        await SaveAsync(user, ExpertProfiles.Valid());

        var result = await SaveAsync(user, ExpertProfiles.Valid() with
        {
            Skills = [new SkillInput("cloud-accounting", SkillLevel.Expert), new SkillInput("security", SkillLevel.Practitioner)],
            Qualifications = [new QualificationInput("sme-consultant", "第123号")],
        });

        Assert.True(result.IsSuccess, string.Join(" ", result.Errors.Select(e => e.ToString())));
        var expert = await fixture.App.Db(db => db.Experts.AsNoTracking().SingleAsync(e => e.UserId == user.Id));
        Assert.Equal(
            [new ExpertSkill("cloud-accounting", SkillLevel.Expert), new ExpertSkill("security", SkillLevel.Practitioner)],
            expert.Skills.OrderBy(s => s.SkillCode).ToArray());
        Assert.Equal([new ExpertQualification("sme-consultant", "第123号")], expert.Qualifications);
    }

    [Fact]
    public async Task An_unknown_skill_code_is_refused()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Expert);

        var result = await SaveAsync(user, ExpertProfiles.Valid() with { Skills = [new SkillInput("astrology", SkillLevel.Expert)] });

        Assert.Equal("skills", result.FirstError.Field);
    }
}
