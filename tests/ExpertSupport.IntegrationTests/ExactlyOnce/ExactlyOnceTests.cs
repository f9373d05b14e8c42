namespace ExpertSupport.IntegrationTests.ExactlyOnce;

/// <summary>
/// Every state change happens once. For each transition of each aggregate, ten identical requests arrive at the same
/// moment (a double-click, a client that retries) over HTTP with bearer tokens: exactly one succeeds, the nine others get
/// 409 problem details whose code says the change has already happened, and what the change leaves behind — its audit
/// row, its e-mails, its ledger row, the plan or booking it creates — exists once.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ExactlyOnceTests(ExactlyOnceFixture fixture) : IClassFixture<ExactlyOnceFixture>
{
    private static readonly Dictionary<string, Func<ExactlyOnceFixture, Task<Shot>>> Transitions =
        CaseAndPlanShots.All.Concat(BookingAndReportShots.All).Concat(OfficeShots.All).Concat(ProfileShots.All).Concat(InvoiceShots.All)
            .ToDictionary(t => t.Item1, t => t.Item2);

    public static TheoryData<string> Names => new(Transitions.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Ten_identical_requests_at_once_change_the_state_once(string transition)
    {
        var shot = await Transitions[transition](fixture);
        await Burst.FireAsync(fixture.App, shot);
    }
}
