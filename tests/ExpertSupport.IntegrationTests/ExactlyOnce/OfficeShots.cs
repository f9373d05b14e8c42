using ExpertSupport.Application.Accounts;
using ExpertSupport.Application.Companies;
using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using static ExpertSupport.IntegrationTests.ExactlyOnce.Arrange;

namespace ExpertSupport.IntegrationTests.ExactlyOnce;

/// <summary>The office's decisions: vetting, suspensions, change requests, claim review and payment, programme rounds.</summary>
internal static class OfficeShots
{
    public static IEnumerable<(string, Func<ExactlyOnceFixture, Task<Shot>>)> All =>
    [
        ("office account: admin disables", async f =>
        {
            var office = await f.App.CreateUserAsync(Roles.Office);
            return new Shot(await f.Api(await f.App.CreateUserAsync(Roles.Admin)), HttpMethod.Post, $"/api/admin/office-users/{office.Id}/disable",
                Shot.Json(new { reason = Reason }), ["account.already_disabled"]) { Audit = new("User", office.Id) };
        }),
        ("office account: admin enables again", async f =>
        {
            var office = await f.App.CreateUserAsync(Roles.Office);
            var admin = await f.App.CreateUserAsync(Roles.Admin);
            ExactlyOnceFixture.Ensure(await f.App.Send(admin, s => s.Send(new SetOfficeAccountEnabledCommand(office.Id, false, Reason))));
            return new Shot(await f.Api(admin), HttpMethod.Post, $"/api/admin/office-users/{office.Id}/enable",
                Shot.Json(new { reason = Reason }), ["account.already_enabled"]) { Audit = new("User", office.Id) };
        }),
        ("expert: office approves a pending expert", async f =>
        {
            var id = await f.App.PendingExpertAsync(await f.App.CreateUserAsync(Roles.Expert));
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/office/experts/{id}/approve", Shot.Empty, ["expert.already_approved"])
            { Audit = new("Expert", id), Mails = true };
        }),
        ("expert: office rejects a pending expert", async f =>
        {
            var id = await f.App.PendingExpertAsync(await f.App.CreateUserAsync(Roles.Expert));
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/office/experts/{id}/reject", Shot.Json(new { reason = Reason }), ["expert.already_rejected"])
            { Audit = new("Expert", id), Mails = true };
        }),
        ("expert: office suspends", async f =>
        {
            var (_, id) = await f.App.ExpertAsync();
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/office/experts/{id}/suspend", Shot.Json(new { reason = Reason }), ["expert.already_suspended"])
            { Audit = new("Expert", id), Mails = true };
        }),
        ("expert: office reinstates", async f =>
        {
            var (_, id) = await f.App.ExpertAsync();
            ExactlyOnceFixture.Ensure(await f.App.Send(f.Reviewer, s => s.Send(new SuspendExpertCommand(id, Reason))));
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/office/experts/{id}/reinstate", Shot.Json(new { reason = Reason }), ["expert.already_active"])
            { Audit = new("Expert", id), Mails = true };
        }),
        ("company: office suspends", async f =>
        {
            var (_, id) = await f.App.CompanyAsync();
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/office/companies/{id}/suspend", Shot.Json(new { reason = Reason }), ["company.already_suspended"])
            { Audit = new("Company", id), Mails = true };
        }),
        ("company: office reinstates", async f =>
        {
            var (_, id) = await f.App.CompanyAsync();
            ExactlyOnceFixture.Ensure(await f.App.Send(f.Reviewer, s => s.Send(new SuspendCompanyCommand(id, Reason))));
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/office/companies/{id}/reinstate", Shot.Json(new { reason = Reason }), ["company.already_active"])
            { Audit = new("Company", id), Mails = true };
        }),
        ("change request: office approves a new fee", async f =>
        {
            var id = await ChangeRequestAsync(f);
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/office/experts/change-requests/{id}/approve", Shot.Empty, ["change_request.already_approved"])
            { Audit = new("ExpertChangeRequest", id), Mails = true };
        }),
        ("change request: office rejects a new fee", async f =>
        {
            var id = await ChangeRequestAsync(f);
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/office/experts/change-requests/{id}/reject", Shot.Json(new { reason = Reason }),
                ["change_request.already_rejected"])
            { Audit = new("ExpertChangeRequest", id), Mails = true };
        }),
        ("claim line: reviewer approves", async f =>
            await Office(f, $"/api/office/claims/lines/{f.Claims.FlaggedLine1}/approve", Shot.Empty, "claims.line_already_approved", new("ClaimLine", f.Claims.FlaggedLine1))),
        ("claim line: reviewer rejects (reverses the subsidy)", async f =>
            await Office(f, $"/api/office/claims/lines/{f.Claims.FlaggedLine2}/reject", Shot.Json(new { reason = Reason }), "claims.line_already_rejected",
                new("ClaimLine", f.Claims.FlaggedLine2), mails: true, made: Ledger(f.Claims.FlaggedLine2, LedgerKind.Reverse))),
        ("claim lines: reviewer approves every clean line at once", async f =>
            await Office(f, $"/api/office/claims/batches/{f.Claims.Reviewing}/approve-unflagged", Shot.Empty, "claims.nothing_to_approve", new("ClaimLine", f.Claims.CleanLine))),
        ("claim batch: another office user approves", async f =>
            await Office(f, $"/api/office/claims/batches/{f.Claims.Decided}/approve", Shot.Empty, "claims.batch_already_approved", new("ClaimBatch", f.Claims.Decided),
                mails: true, by: f.Approver)),
        ("claim batch: export (one file per format)", async f =>
            await Office(f, $"/api/office/claims/batches/{f.Claims.Approved}/exports/Csv", Shot.Empty, "claims.already_exported", new("ClaimBatch", f.Claims.Approved),
                made: One("CSV export", db => db.ClaimExports.CountAsync(x => x.BatchId == f.Claims.Approved)))),
        ("claim batch: mark every claim paid", async f =>
            await Office(f, $"/api/office/claims/batches/{f.Claims.Exported}/paid", Shot.Json(new { paidOn = f.Today() }), "claims.batch_already_paid",
                new("ClaimBatch", f.Claims.Exported))),
        ("claim: mark paid", async f =>
            await Office(f, $"/api/office/claims/claims/{f.Claims.UnpaidClaim}/paid", Shot.Json(new { paidOn = f.Today() }), "claims.already_paid",
                new("Claim", f.Claims.UnpaidClaim))),
        ("claim: bank return", async f =>
            await Office(f, $"/api/office/claims/claims/{f.Claims.PaidClaim}/bank-return", Shot.Json(new { reason = Reason }), "claims.already_returned",
                new("Claim", f.Claims.PaidClaim), mails: true)),
        ("round: create (periods never overlap)", async f =>
        {
            var settings = ProgrammeRoundSettings.DefaultFor(new DateOnly(2027, 4, 1)) with { Name = "2027年度（二重送信の確認）" };
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, "/api/office/rounds", Shot.Json(settings), ["round.overlap"])
            {
                Made = [One("round", db => db.ProgrammeRounds.CountAsync(r => r.Name == settings.Name)),
                    AuditRowOf("ProgrammeRound", db => db.ProgrammeRounds.Where(r => r.Name == settings.Name).Select(r => r.Id))],
            };
        }),
        ("round: update", async f =>
        {
            var round = await f.App.ActiveRoundAsync();
            var settings = round.Settings with { ReportConfirmationDays = round.ReportConfirmationDays + 1 };
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Put, $"/api/office/rounds/{round.Id}", Shot.Json(settings), ["round.unchanged"])
            { Audit = new("ProgrammeRound", round.Id) };
        }),
    ];

    private static async Task<Shot> Office(ExactlyOnceFixture f, string url, Func<HttpContent?> body, string already, Audited audit,
        bool mails = false, Once? made = null, TestUser? by = null) =>
        new(await f.Api(by ?? f.Reviewer), HttpMethod.Post, url, body, [already]) { Audit = audit, Mails = mails, Made = made is null ? [] : [made] };

    /// <summary>An approved expert's pending request for a new hourly fee.</summary>
    private static async Task<Guid> ChangeRequestAsync(ExactlyOnceFixture f)
    {
        var (user, expertId) = await f.App.ExpertAsync();
        return await f.App.Db(async db =>
        {
            var request = ExpertChangeRequest.Open(expertId, new PayoutChange(new Yen(8_000), null), user.Id, f.App.Now());
            db.ExpertChangeRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
    }
}
