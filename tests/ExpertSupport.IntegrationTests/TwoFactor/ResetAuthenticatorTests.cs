using System.Net;
using System.Net.Http.Json;
using ExpertSupport.Application.Accounts;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.TwoFactor;

/// <summary>An office user lost the authenticator: the Admin resets it, the reset is audited, the next sign-in enrols again.</summary>
public sealed class ResetAuthenticatorTests(SharedAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_admin_resets_a_lost_authenticator_with_a_reason_that_the_audit_trail_keeps()
    {
        var admin = await fixture.App.CreateUserAsync(Roles.Admin);
        var office = await fixture.App.CreateUserAsync(Roles.Office);

        var reset = await fixture.App.Send(admin, s => s.Send(new ResetAuthenticatorCommand(office.Id, "スマートフォン紛失の届出（本人確認済み）"), Ct));

        Assert.True(reset.IsSuccess);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(office.Id.ToString());
            Assert.False(await users.GetTwoFactorEnabledAsync(user!));
        }
        var audit = await fixture.App.Db(db => db.AuditEntries.SingleAsync(e => e.EntityId == office.Id, Ct));
        Assert.Equal(("AuthenticatorReset", admin.Id, "スマートフォン紛失の届出（本人確認済み）"), (audit.ToState, audit.ActorUserId!.Value, audit.Reason!));

        // The old code no longer signs in; the password alone gives a token that the office API refuses until enrolment.
        using var client = fixture.App.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = office.Email, password = TestUser.Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TwoFactorApiTests.TokenOf(login));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/office/dashboard", Ct)).StatusCode);
    }

    [Fact]
    public async Task Ten_identical_resets_at_once_reset_once_with_one_audit_row()
    {
        var admin = await fixture.App.CreateUserAsync(Roles.Admin);
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        var clients = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => fixture.App.PageClientAsync(admin)));
        using var start = new SemaphoreSlim(0);
        var posts = clients.Select(async c =>
        {
            await start.WaitAsync(Ct);
            return await c.PostFormAsync($"/Admin?handler=ResetAuthenticator&userId={office.Id}", new() { ["reason"] = "紛失の届出" });
        }).ToList();
        start.Release(10);
        var answers = await Task.WhenAll(posts);

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(9, answers.Count(a => a.StatusCode == HttpStatusCode.OK)); // the form again, with the refusal
        Assert.Equal(1, await fixture.App.Db(db => db.AuditEntries.CountAsync(e => e.EntityId == office.Id && e.ToState == "AuthenticatorReset", Ct)));
        var again = await fixture.App.Send(admin, s => s.Send(new ResetAuthenticatorCommand(office.Id, "もう一度"), Ct));
        Assert.Equal("account.authenticator_already_reset", again.Errors[0].Code);
        Assert.Equal(ErrorKind.Conflict, again.Errors[0].Kind);
    }

    [Fact]
    public async Task A_reset_needs_a_reason_and_an_admin()
    {
        var admin = await fixture.App.CreateUserAsync(Roles.Admin);
        var office = await fixture.App.CreateUserAsync(Roles.Office);

        var noReason = await fixture.App.Send(admin, s => s.Send(new ResetAuthenticatorCommand(office.Id, " "), Ct));
        Assert.Equal("account.reset_reason_required", noReason.Errors[0].Code);
        var byOffice = await fixture.App.Send(office, s => s.Send(new ResetAuthenticatorCommand(office.Id, "自分で"), Ct));
        Assert.Equal(ErrorKind.Forbidden, byOffice.Errors[0].Kind);
    }
}
