using Bogus;
using ExpertSupport.Application.Dashboard;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Testing.Builders;

/// <summary>Arranging the office dashboard's groupings: where a company is, what an expert can do, which case a plan answers.</summary>
public static class DashboardBuilders
{
    private static readonly Faker Faker = new("ja") { Random = new Randomizer(8_2026) };
    private static readonly Lock Gate = new();

    public static Task MoveCompanyToAsync(this TestApp app, Guid companyId, short prefecture) =>
        app.Db(db => db.Database.ExecuteSqlAsync($"UPDATE companies SET prefecture_code = {prefecture} WHERE id = {companyId}"));

    public static Task GiveSkillsAsync(this TestApp app, Guid expertId, params (string Code, SkillLevel Level)[] skills) => app.Db(async db =>
    {
        foreach (var (code, level) in skills)
            await db.Database.ExecuteSqlAsync($"INSERT INTO expert_skills (expert_id, skill_code, level) VALUES ({expertId}, {code}, {level.ToString()})");
    });

    /// <summary>Makes the plan answer a case (as if it came from the company's consultation) so the case's first skill names it.</summary>
    public static Task LinkPlanToCaseAsync(this TestApp app, Guid planId, Guid caseId) =>
        app.Db(db => db.Database.ExecuteSqlAsync($"UPDATE support_plans SET case_id = {caseId} WHERE id = {planId}"));

    /// <summary>An expert who registered and waits for vetting (never approved).</summary>
    public static Task<Guid> PendingExpertAsync(this TestApp app, TestUser user) => app.Db(async db =>
    {
        string name;
        lock (Gate) name = $"{Faker.Name.LastName()} {Faker.Name.FirstName()}";
        var expert = Expert.Register(user.Id, ExpertKind.Individual, name, "シンサ マチ", "審査を待っています。", new Yen(5_000), true, [13], app.Now());
        db.Experts.Add(expert);
        await db.SaveChangesAsync();
        return expert.Id;
    });

    public static async Task<OfficeDashboard> DashboardAsync(this TestApp app, TestUser office, Guid? roundId = null) =>
        await app.Send(office, s => s.Send(new GetOfficeDashboardQuery(roundId))) ?? throw new InvalidOperationException("No dashboard.");

    public static PrefectureUse Prefecture(this OfficeDashboard d, short code) => d.Prefectures.Single(p => p.Code == code);

    public static SkillUse Skill(this OfficeDashboard d, string? code) =>
        d.Skills.SingleOrDefault(s => s.Code == code) ?? new SkillUse(code, null, null, Yen.Zero, Yen.Zero, 0);

    public static BatchStateSummary Batches(this OfficeDashboard d, Domain.Claims.ClaimBatchStatus status) => d.Batches.Single(b => b.Status == status);

    public static OverdueGroup Overdue(this OfficeDashboard d, OverdueKind kind) => d.Overdue.Single(g => g.Kind == kind);
}
