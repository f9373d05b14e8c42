using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Rounds;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.ExactlyOnce;

/// <summary>
/// What the transition rows share, arranged once: the office (a reviewer and an approver, four eyes), a round that takes
/// plans until its last day and closes claim periods every night (so claim batches need days, not weeks, of clock), and
/// claim batches waiting at every stage of review and payment. Each row arranges the rest of its own state.
/// </summary>
public sealed class ExactlyOnceFixture : BookingClockFixture
{
    public TestUser Reviewer { get; private set; } = null!;
    public TestUser Approver { get; private set; } = null!;
    public ClaimStages Claims { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Reviewer = await App.CreateUserAsync(Roles.Office);
        Approver = await App.CreateUserAsync(Roles.Office);
        var round = await App.ActiveRoundAsync();
        var settings = round.Settings with { ApplicationDeadline = round.PeriodEnd, SupportEndDate = round.PeriodEnd, ClaimBatchCron = "30 0 * * *" };
        Ensure(await App.Send(Reviewer, s => s.Send(new UpdateProgrammeRoundCommand(round.Id, settings))));
        Claims = await ClaimStages.BuildAsync(App, Reviewer, Approver);
    }

    public static void Ensure(Result result)
    {
        if (result.IsFailure) throw new InvalidOperationException($"{result.FirstError}");
    }
}

/// <summary>
/// Claim batches at each stage, one closing each: B1 under review with two flagged lines (no evidence) and one clean
/// line; B2 with every line decided; B3 approved; B4 exported and unpaid; B5 exported with one claim unpaid and one paid.
/// </summary>
public sealed record ClaimStages(
    Guid Reviewing, Guid FlaggedLine1, Guid FlaggedLine2, Guid CleanLine,
    Guid Decided, Guid Approved, Guid Exported, Guid UnpaidClaim, Guid PaidClaim)
{
    public static async Task<ClaimStages> BuildAsync(TestApp app, TestUser reviewer, TestUser approver)
    {
        var one = await app.ClaimScenarioAsync();
        var two = await app.ClaimScenarioAsync();

        var flagged1 = await app.ClaimableSessionAsync(one, evidence: false);
        var flagged2 = await app.ClaimableSessionAsync(one, evidence: false);
        var clean = await app.ClaimableSessionAsync(two);
        var reviewing = await CloseAsync(app);

        await app.ClaimableSessionAsync(one);
        var decided = await CloseAsync(app);
        await DecideAllAsync(app, reviewer, decided);

        await app.ClaimableSessionAsync(one);
        var approved = await CloseAsync(app);
        await DecideAllAsync(app, reviewer, decided: approved, approver);

        await app.ClaimableSessionAsync(one);
        var exported = await CloseAsync(app);
        await DecideAllAsync(app, reviewer, exported, approver, export: true);

        await app.ClaimableSessionAsync(one);
        await app.ClaimableSessionAsync(two);
        var paying = await CloseAsync(app);
        await DecideAllAsync(app, reviewer, paying, approver, export: true);
        var claims = await app.Db(db => db.Claims.Where(c => c.BatchId == paying).Select(c => new { c.Id, c.ExpertId }).ToListAsync());
        var paid = claims.Single(c => c.ExpertId == two.ExpertId).Id;
        ExactlyOnceFixture.Ensure(await app.Send(reviewer, s => s.Send(new MarkClaimPaidCommand(paid, JapanTime.Today(app.Clock!)))));

        return new ClaimStages(reviewing, flagged1, flagged2, clean, decided, approved, exported, claims.Single(c => c.ExpertId == one.ExpertId).Id, paid);
    }

    private static async Task<Guid> CloseAsync(TestApp app) => (await app.CloseAsync(await app.PassNextClosingAsync())).BatchIds.Single();

    /// <summary>The reviewer approves every line; then, if given, the approver approves the batch and the reviewer exports it.</summary>
    private static async Task DecideAllAsync(TestApp app, TestUser reviewer, Guid decided, TestUser? approver = null, bool export = false)
    {
        var lines = await app.Db(db => db.ClaimLines.Where(l => l.BatchId == decided).Select(l => l.Id).ToListAsync());
        foreach (var line in lines) ExactlyOnceFixture.Ensure(await app.Send(reviewer, s => s.Send(new ApproveClaimLineCommand(line))));
        if (approver is null) return;
        ExactlyOnceFixture.Ensure(await app.Send(approver, s => s.Send(new ApproveClaimBatchCommand(decided))));
        if (export)
            ExactlyOnceFixture.Ensure(await app.Send(reviewer, s => s.Send(new Application.Claims.ExportClaimBatchCommand(decided, ClaimExportFormat.Csv))));
    }
}
