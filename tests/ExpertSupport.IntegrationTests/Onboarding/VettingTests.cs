using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using MimeKit;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Onboarding;

/// <summary>The office vets experts; each decision is audited and e-mailed through the outbox.</summary>
public sealed class VettingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private async Task<(TestUser User, Guid ExpertId)> PendingExpertAsync()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Expert);
        var saved = await fixture.App.Send(user, s => s.Send(ExpertProfiles.Valid()));
        return (user, saved.Value.ExpertId);
    }

    private async Task<MimeMessage> MailToAsync(string address)
    {
        var files = await fixture.App.DeliverMailAsync();
        var messages = files.Select(f => MimeMessage.Load(f)).ToList();
        return Assert.Single(messages, m => m.To.Mailboxes.Any(b => b.Address == address));
    }

    [Fact]
    public async Task Approval_makes_the_expert_bookable_is_audited_and_e_mails_them_in_Japanese()
    {
        var (user, id) = await PendingExpertAsync();
        var office = await fixture.App.CreateUserAsync(Roles.Office);

        var result = await fixture.App.Send(office, s => s.Send(new ApproveExpertCommand(id)));

        Assert.True(result.IsSuccess);
        var mail = await MailToAsync(user.Email);
        Assert.Equal("【ExpertSupport】IT専門家として承認されました", mail.Subject);
        Assert.Contains("承認しました", mail.TextBody);
        var audit = await fixture.App.Db(db => db.AuditEntries.Where(a => a.EntityId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([(null, "Pending"), ("Pending", "Approved")], audit.Select(a => (a.FromState, a.ToState)).ToArray());
        Assert.Equal(office.Id, audit[1].ActorUserId);
        Assert.True(await fixture.App.Db(db => db.Experts.Bookable().AnyAsync(e => e.Id == id)));
    }

    [Fact]
    public async Task Rejection_needs_a_reason_which_the_expert_receives_by_e_mail()
    {
        var (user, id) = await PendingExpertAsync();
        var office = await fixture.App.CreateUserAsync(Roles.Office);

        var noReason = await fixture.App.Send(office, s => s.Send(new RejectExpertCommand(id, " ")));
        Assert.Equal("reason", noReason.FirstError.Field);

        var result = await fixture.App.Send(office, s => s.Send(new RejectExpertCommand(id, "資格の登録番号を確認できませんでした。")));

        Assert.True(result.IsSuccess);
        var mail = await MailToAsync(user.Email);
        Assert.Equal("【ExpertSupport】IT専門家登録の審査結果のお知らせ", mail.Subject);
        Assert.Contains("資格の登録番号を確認できませんでした。", mail.TextBody);
        var expert = await fixture.App.Db(db => db.Experts.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal((ExpertStatus.Rejected, "資格の登録番号を確認できませんでした。"), (expert.Status, expert.StatusReason));
        var audit = await fixture.App.Db(db => db.AuditEntries.Where(a => a.EntityId == id).OrderBy(a => a.Id).LastAsync());
        Assert.Equal("資格の登録番号を確認できませんでした。", audit.Reason);
    }

    [Fact]
    public async Task A_decided_expert_cannot_be_decided_again()
    {
        var (_, id) = await PendingExpertAsync();
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        await fixture.App.Send(office, s => s.Send(new ApproveExpertCommand(id)));

        var again = await fixture.App.Send(office, s => s.Send(new RejectExpertCommand(id, "やはり不可")));

        Assert.Equal(ErrorKind.Conflict, again.FirstError.Kind);
    }

    [Fact]
    public async Task Only_the_office_vets_experts()
    {
        var (expertUser, id) = await PendingExpertAsync();

        var result = await fixture.App.Send(expertUser, s => s.Send(new ApproveExpertCommand(id)));

        Assert.Equal(ErrorKind.Forbidden, result.FirstError.Kind);
        Assert.False(await fixture.App.Db(db => db.Experts.Bookable().AnyAsync(e => e.Id == id)));
    }

    [Fact]
    public async Task The_office_sees_the_pending_expert_in_the_queue_with_the_audit_trail_on_the_detail()
    {
        var (_, id) = await PendingExpertAsync();
        var office = await fixture.App.CreateUserAsync(Roles.Office);

        var queue = await fixture.App.Send(office, s => s.Send(new ListExpertsQuery(new ExpertFilter(Status: ExpertStatus.Pending))));
        var detail = await fixture.App.Send(office, s => s.Send(new GetExpertDetailQuery(id)));

        Assert.Contains(queue.Items, e => e.Id == id);
        Assert.All(queue.Items, e => Assert.Equal(ExpertStatus.Pending, e.Status));
        Assert.NotNull(detail!.Profile.BankAccount);
        Assert.Equal("Pending", Assert.Single(detail.History).ToState);
    }

    [Fact]
    public async Task The_change_request_decision_is_e_mailed_to_the_expert()
    {
        var (user, id) = await PendingExpertAsync();
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        await fixture.App.Send(office, s => s.Send(new ApproveExpertCommand(id)));
        var saved = await fixture.App.Send(user, s => s.Send(ExpertProfiles.Valid(hourlyFee: "6,500")));
        await fixture.App.DeliverMailAsync();

        await fixture.App.Send(office, s => s.Send(new ApproveChangeRequestCommand(saved.Value.PendingChangeRequestId!.Value)));

        var files = await fixture.App.DeliverMailAsync();
        var mail = files.Select(f => MimeMessage.Load(f)).Last(m => m.To.Mailboxes.Any(b => b.Address == user.Email));
        Assert.Equal("【ExpertSupport】変更申請を承認しました", mail.Subject);
        Assert.Contains("¥6,500", mail.TextBody);
    }
}
