using Bogus;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Messages;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Infrastructure.Seeding;

/// <summary>
/// Demo cases, proposals, plans in every state, ratings and messages between the demo companies and approved experts,
/// through the domain's own methods (so every state change is audited). Approved plans are dated in the active round
/// around today, so that booking has something to book. Deterministic: fixed seed, and the people are taken in order.
/// </summary>
internal sealed class DemoPlans(AppDbContext db, TimeProvider clock, int seed)
{
    private readonly Faker _faker = new("ja") { Random = new Randomizer(seed) };
    private DateTimeOffset _at;

    private sealed record Party<T>(T Entity, Guid UserId);

    public async Task SeedAsync(Guid officeUserId, CancellationToken ct)
    {
        var round = await db.ActiveRoundAsync(clock, ct);
        if (round is null) return;
        var companies = await PartiesAsync(db.Companies.Where(c => c.SmeEligible), c => c.UserId, ct);
        var experts = await PartiesAsync(db.Experts.Where(e => e.Status == ExpertStatus.Approved), e => e.UserId, ct);
        if (companies.Count < 20 || experts.Count < 13) return;

        var now = clock.GetUtcNow();
        // Plans can only be drafted up to the application deadline: after it, the demo's history is dated on that day.
        var deadlineNoon = JapanTime.At(round.ApplicationDeadline, new TimeOnly(12, 0));
        _at = (now < deadlineNoon ? now : deadlineNoon).AddHours(-48);
        var today = JapanTime.DateOf(now);
        var lastDay = Min(round.SupportEndDate, round.PeriodEnd);
        var start = Max(round.PeriodStart, today.AddDays(-14));
        var current = (Start: start, End: Min(lastDay, Min(start.AddMonths(3), start.AddMonths(round.MaxPlanMonths))));
        var past = (Start: round.PeriodStart, End: Min(lastDay, round.PeriodStart.AddMonths(1)));

        var cases = OpenCases(companies);
        Proposals(round, cases, companies, experts);

        Draft(round, companies[8], ServingExpert(experts, companies[8], 1), current, PlanParty.Company);
        foreach (var (c, e) in new[] { (9, 2), (10, 3) })
        {
            var expert = ServingExpert(experts, companies[c], e);
            Agree(Draft(round, companies[c], expert, current, PlanParty.Company), expert, PlanParty.Expert);
        }
        var sentBackExpert = ServingExpert(experts, companies[11], 4);
        var sentBack = Draft(round, companies[11], sentBackExpert, current, PlanParty.Company);
        Agree(sentBack, sentBackExpert, PlanParty.Expert);
        sentBack.SendBack(officeUserId, DemoPlanTexts.SendBackComment, Next());

        // The approved plans running now are the booking demo's (seeded first, with its weeks of sessions); each gets its conversation.
        var running = await db.SupportPlans.Where(p => p.Status == SupportPlanStatus.Approved).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        for (var i = 0; i < running.Count; i++)
        {
            var plan = running[i];
            var company = companies.Single(c => c.Entity.Id == plan.CompanyId);
            var expert = experts.Single(e => e.Entity.Id == plan.ExpertId);
            var (fromCompany, fromExpert) = DemoPlanTexts.PlanMessages[i % DemoPlanTexts.PlanMessages.Length];
            Write(Message.OnPlan(plan, PlanParty.Company, company.UserId, fromCompany, Next()));
            Write(Message.OnPlan(plan, PlanParty.Expert, expert.UserId, fromExpert, Next()));
        }

        // Completed and rated plans: search shows these ratings.
        var rated = new[] { (12, 0), (13, 5), (14, 9), (15, 10), (16, 0), (17, 11) };
        for (var i = 0; i < rated.Length; i++)
        {
            var (c, e) = rated[i];
            var plan = Draft(round, companies[c], experts[e], past, PlanParty.Company);
            Agree(plan, experts[e], PlanParty.Expert);
            plan.Approve(officeUserId, Next());
            plan.Complete(officeUserId, Next());
            var (stars, comment) = DemoPlanTexts.Ratings[i];
            db.PlanRatings.Add(PlanRating.Rate(plan, stars, comment, companies[c].UserId, Next()).Value);
        }

        var cancelled = Draft(round, companies[18], experts[12], current, PlanParty.Company);
        Agree(cancelled, experts[12], PlanParty.Expert);
        cancelled.Cancel(companies[18].UserId, DemoPlanTexts.CancelReason, Next());
        // Ratings are checked against the plan's stored state, so plans are written first.
        await db.SaveChangesAsync(ct);
    }

    private List<ConsultationCase> OpenCases(List<Party<Company>> companies)
    {
        var cases = new List<ConsultationCase>();
        for (var i = 0; i < DemoPlanTexts.Cases.Length; i++)
        {
            var t = DemoPlanTexts.Cases[i];
            var company = companies[i];
            var opened = ConsultationCase.Open(company.Entity,
                new CaseDetails(t.Title, t.Description, t.Skills, t.Mode, company.Entity.PrefectureCode, t.Hours), company.UserId, Next()).Value;
            db.ConsultationCases.Add(opened);
            cases.Add(opened);
        }
        return cases;
    }

    private void Proposals(ProgrammeRound round, List<ConsultationCase> cases, List<Party<Company>> companies, List<Party<Expert>> experts)
    {
        var today = JapanTime.DateOf(clock.GetUtcNow());
        var start = Max(round.PeriodStart, today.AddDays(7));
        var end = Min(Min(round.SupportEndDate, round.PeriodEnd), start.AddMonths(2));
        if (end < start) return;
        Proposal Propose(int caseIndex, int expertIndex)
        {
            var expert = experts[expertIndex];
            var @case = cases[caseIndex];
            var terms = new PlanTerms(DemoPlanTexts.Cases.Single(c => c.Title == @case.Title).PlanTitle, _faker.PickRandom(DemoPlanTexts.PlanGoals),
                Math.Min(@case.DesiredHours, 40) * 60, expert.Entity.HourlyFee, start, end);
            var proposal = Proposal.Send(round, @case, expert.Entity, DemoPlanTexts.ProposalMessage, terms, expert.UserId, Next()).Value;
            db.Proposals.Add(proposal);
            return proposal;
        }

        // Waiting proposals on the first cases, and a conversation before proposing.
        Propose(0, 0);
        Propose(0, 9);
        Propose(1, 2);
        Propose(2, 6);
        Propose(4, 3);
        Write(Message.OnCase(cases[0], experts[9].Entity.Id, PlanParty.Expert, experts[9].UserId, DemoPlanTexts.CaseQuestion, Next()));
        Write(Message.OnCase(cases[0], experts[9].Entity.Id, PlanParty.Company, companies[0].UserId, DemoPlanTexts.CaseAnswer, Next()));
        // Accepted (a plan drafted by the expert, waiting for the company) and declined.
        var accepted = Propose(5, 10);
        db.SupportPlans.Add(accepted.Accept(round, companies[5].Entity, experts[10].Entity, companies[5].UserId, Next()).Value);
        Propose(6, 11).Decline(companies[6].UserId, DemoPlanTexts.DeclineReason, Next());
    }

    private SupportPlan Draft(ProgrammeRound round, Party<Company> company, Party<Expert> expert, (DateOnly Start, DateOnly End) dates, PlanParty drafter)
    {
        var terms = new PlanTerms(_faker.PickRandom(DemoPlanTexts.Cases).PlanTitle,
            _faker.PickRandom(DemoPlanTexts.PlanGoals), _faker.Random.Int(4, 20) * 60, expert.Entity.HourlyFee, dates.Start, dates.End);
        var plan = SupportPlan.Draft(round, company.Entity, expert.Entity, drafter, terms, null,
            drafter == PlanParty.Company ? company.UserId : expert.UserId, Next()).Value;
        db.SupportPlans.Add(plan);
        return plan;
    }

    /// <summary>The preferred expert, or the next one who can reach the company: the office's queue can then be approved as the README says.</summary>
    private static Party<Expert> ServingExpert(List<Party<Expert>> experts, Party<Company> company, int preferred) =>
        Enumerable.Range(0, experts.Count).Select(i => experts[(preferred + i) % experts.Count])
            .FirstOrDefault(e => e.Entity.CanServe(company.Entity.PrefectureCode)) ?? experts[preferred];

    private void Agree(SupportPlan plan, Party<Expert> expert, PlanParty party) => plan.Agree(party, expert.UserId, Next());

    private void Write(Domain.Common.Result<Message> message) => db.Messages.Add(message.Value);

    private DateTimeOffset Next() => _at = _at.AddMinutes(7);

    private async Task<List<Party<T>>> PartiesAsync<T>(IQueryable<T> entities, Func<T, Guid> userOf, CancellationToken ct) where T : class
    {
        // Ordered by the demo login (company01…, expert01…), so the same people get the same plans on every machine.
        var list = await entities.ToListAsync(ct);
        var ids = list.Select(userOf).ToList();
        var emails = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", ct);
        return [.. list.OrderBy(e => emails[userOf(e)], StringComparer.Ordinal).Select(e => new Party<T>(e, userOf(e)))];
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a <= b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a >= b ? a : b;
}
