using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;

namespace ExpertSupport.UnitTests.Onboarding;

public sealed class ExpertRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid Office = Guid.CreateVersion7();
    private static readonly BankAccount Account = new("0001", "001", BankAccountType.Ordinary, "1234567", "ﾃｽﾄ ﾊﾅｺ");

    private static ExpertProfile Profile(long fee = 5_000, BankAccount? bank = null) =>
        new(ExpertKind.Individual, "テスト 花子", "テスト ハナコ", "支援実績", true, [13], ["ja"],
            [new ExpertSkill("cloud-accounting", SkillLevel.Experienced)], [new ExpertQualification("ipa-ap", "AP-1")], new Yen(fee), bank ?? Account);

    private static Expert Approved()
    {
        var expert = Expert.Register(Guid.CreateVersion7(), Profile(), Now);
        expert.Approve(Office, Now);
        expert.ClearPendingAudit();
        return expert;
    }

    [Fact]
    public void A_new_expert_is_pending_and_cannot_be_booked()
    {
        var expert = Expert.Register(Guid.CreateVersion7(), Profile(), Now);

        Assert.Equal(ExpertStatus.Pending, expert.Status);
        Assert.False(expert.CanBeBooked);
        Assert.Equal("expert.not_approved", expert.EnsureCanBeBooked().FirstError.Code);
        Assert.Equal(Now, expert.ConflictOfInterestDeclaredAt);
    }

    [Fact]
    public void Only_approved_experts_are_bookable_in_queries()
    {
        var pending = Expert.Register(Guid.CreateVersion7(), Profile(), Now);
        var approved = Approved();
        var suspended = Approved();
        suspended.Suspend(Office, "苦情の確認中", Now);
        var rejected = Expert.Register(Guid.CreateVersion7(), Profile(), Now);
        rejected.Reject(Office, "資格を確認できません", Now);

        var bookable = new[] { pending, approved, suspended, rejected }.AsQueryable().Bookable().ToList();

        Assert.Equal([approved], bookable);
        Assert.Equal("expert.suspended", suspended.EnsureCanBeBooked().FirstError.Code);
    }

    [Fact]
    public void Rejection_needs_a_reason_and_only_pending_experts_are_vetted()
    {
        var expert = Expert.Register(Guid.CreateVersion7(), Profile(), Now);

        Assert.Equal("reason", expert.Reject(Office, "", Now).FirstError.Field);
        Assert.True(expert.Approve(Office, Now).IsSuccess);
        Assert.Equal("expert.already_approved", expert.Approve(Office, Now).FirstError.Code);
        Assert.Equal("expert.not_pending", expert.Reject(Office, "理由", Now).FirstError.Code);
    }

    [Fact]
    public void A_pending_expert_changes_fee_and_account_directly()
    {
        var expert = Expert.Register(Guid.CreateVersion7(), Profile(), Now);

        var change = expert.Edit(Profile(6_000, Account with { AccountNumber = "7654321" }), expert.UserId, Now);

        Assert.Null(change);
        Assert.Equal(new Yen(6_000), expert.HourlyFee);
        Assert.Equal("7654321", expert.BankAccount!.AccountNumber);
    }

    [Fact]
    public void An_approved_experts_new_fee_and_account_wait_for_review_while_other_edits_apply()
    {
        var expert = Approved();
        var newAccount = Account with { BankCode = "0005" };

        var change = expert.Edit(Profile(7_000, newAccount) with { Bio = "新しい自己紹介" }, expert.UserId, Now);

        Assert.Equal(new PayoutChange(new Yen(7_000), newAccount), change);
        Assert.Equal(new Yen(5_000), expert.HourlyFee);
        Assert.Equal(Account, expert.BankAccount);
        Assert.Equal("新しい自己紹介", expert.Bio);
        Assert.Equal(new PayoutChange(new Yen(7_000), null), expert.Edit(Profile(7_000), expert.UserId, Now));
    }

    [Fact]
    public void Approving_a_change_request_applies_it_and_rejecting_keeps_the_live_values()
    {
        var expert = Approved();
        var request = ExpertChangeRequest.Open(expert.Id, new PayoutChange(new Yen(8_000), null), expert.UserId, Now);

        Assert.True(request.Approve(expert, Office, Now).IsSuccess);
        Assert.Equal(new Yen(8_000), expert.HourlyFee);
        Assert.Equal("change_request.not_pending", request.Reject(Office, "遅い", Now).FirstError.Code);

        var second = ExpertChangeRequest.Open(expert.Id, new PayoutChange(new Yen(20_000), null), expert.UserId, Now);
        Assert.Equal("reason", second.Reject(Office, " ", Now).FirstError.Field);
        Assert.True(second.Reject(Office, "相場と比べて高すぎるため", Now).IsSuccess);
        Assert.Equal(new Yen(8_000), expert.HourlyFee);
        Assert.Equal(["Pending", "Rejected"], second.PendingAudit.Select(a => a.ToState).ToArray());
        Assert.Equal("相場と比べて高すぎるため", second.PendingAudit[^1].Reason);
    }

    [Fact]
    public void A_rejected_expert_who_edits_the_profile_applies_again()
    {
        var expert = Expert.Register(Guid.CreateVersion7(), Profile(), Now);
        expert.Reject(Office, "実績の記載が不足", Now);
        expert.ClearPendingAudit();

        expert.Edit(Profile(), expert.UserId, Now);

        Assert.Equal(ExpertStatus.Pending, expert.Status);
        Assert.Equal(("Rejected", "Pending"), (expert.PendingAudit[0].FromState!, expert.PendingAudit[0].ToState));
    }

    [Fact]
    public void Only_an_approved_expert_can_be_suspended_and_reinstatement_makes_them_bookable_again()
    {
        var pending = Expert.Register(Guid.CreateVersion7(), Profile(), Now);
        Assert.True(pending.Suspend(Office, "理由", Now).IsFailure);

        var expert = Approved();
        Assert.True(expert.Suspend(Office, "苦情の確認中", Now).IsSuccess);
        Assert.False(expert.CanBeBooked);
        Assert.True(expert.Reinstate(Office, "確認済み", Now).IsSuccess);
        Assert.True(expert.CanBeBooked);
    }
}
