using Bogus;
using ExpertSupport.Application.Cases;
using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Reference;

namespace ExpertSupport.Testing.Builders;

/// <summary>What an approved test expert looks like; tests change the parts their rule is about.</summary>
public sealed record ExpertSpec
{
    public string? DisplayName { get; init; }
    public string DisplayNameKana { get; init; } = "テスト センモンカ";
    public string Bio { get; init; } = "中小企業のデジタル化を支援しています。";
    public long HourlyFee { get; init; } = 5_000;
    public bool OffersOnline { get; init; } = true;
    public short[] PrefectureCodes { get; init; } = [13];
    public string[] Languages { get; init; } = ["ja"];
    public (string Code, SkillLevel Level)[] Skills { get; init; } = [("cloud-accounting", SkillLevel.Experienced)];
    public string[] Qualifications { get; init; } = [];
    public DateTimeOffset? NextFreeSlotAt { get; init; }
    public bool Approved { get; init; } = true;
}

/// <summary>Companies, experts, cases and plans for the plan feature's tests (Bogus, fixed seed), through the real domain.</summary>
public static class PlanTestData
{
    private static readonly Faker Faker = new("ja") { Random = new Randomizer(6_2026) };
    private static readonly Lock Gate = new();

    private static readonly string[] Titles =
        ["クラウド会計の導入", "テレワーク環境の整備", "ネットショップの開設", "受発注のEDI化", "情報セキュリティ対策", "請求書の電子化"];

    // Numbered: an open case, and a plan before approval, are unique per company (and expert) by their name.
    private static int _titles;

    private static string Title() => $"{Faker.PickRandom(Titles)}（{Interlocked.Increment(ref _titles)}）";

    /// <summary>A company user who can log in, with an SME profile in the given prefecture.</summary>
    public static async Task<(TestUser User, Guid CompanyId)> CompanyAsync(this TestApp app, short prefecture = 13)
    {
        var user = await app.CreateUserAsync(Roles.Company);
        string name;
        lock (Gate) name = $"株式会社{Faker.Name.LastName()}{Faker.Random.Number(100, 999)}";
        var id = await app.Db(async db =>
        {
            var company = Company.Register(user.Id, LegalForm.Corporation, name, "カブシキガイシャテスト", null,
                prefecture, "千代田区1-1-1", IndustryCategory.Services, new Yen(10_000_000), 12, DateTimeOffset.UtcNow);
            db.Companies.Add(company);
            await db.SaveChangesAsync();
            return company.Id;
        });
        return (user, id);
    }

    /// <summary>An expert user who can log in, approved by default, with the profile the spec describes.</summary>
    public static async Task<(TestUser User, Guid ExpertId)> ExpertAsync(this TestApp app, ExpertSpec? spec = null)
    {
        spec ??= new ExpertSpec();
        var user = await app.CreateUserAsync(Roles.Expert);
        string name;
        lock (Gate) name = spec.DisplayName ?? $"{Faker.Name.LastName()} {Faker.Name.FirstName()}";
        var id = await app.Db(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var bank = BankAccount.Create("0001", "001", BankAccountType.Ordinary, "1234567", "ﾃｽﾄ").Value;
            var expert = Expert.Register(user.Id, new ExpertProfile(
                ExpertKind.Individual, name, spec.DisplayNameKana, spec.Bio, spec.OffersOnline, spec.PrefectureCodes, spec.Languages,
                [.. spec.Skills.Select(s => new ExpertSkill(s.Code, s.Level))],
                [.. spec.Qualifications.Select(q => new ExpertQualification(q, "TEST-0001"))],
                new Yen(spec.HourlyFee), bank), now);
            if (spec.Approved) expert.Approve(user.Id, now);
            expert.SetNextFreeSlot(spec.NextFreeSlotAt);
            db.Experts.Add(expert);
            await db.SaveChangesAsync();
            return expert.Id;
        });
        return (user, id);
    }

    /// <summary>A draft a company sends: ¥5,000 an hour for 10 hours, one week from the given day for two months.</summary>
    public static DraftPlanCommand Draft(Guid expertId, DateOnly today, Guid? caseId = null, string fee = "5,000", int minutes = 600,
        DateOnly? start = null, DateOnly? end = null)
    {
        string title;
        lock (Gate) title = Title();
        var from = start ?? today.AddDays(7);
        return new DraftPlanCommand(expertId, caseId, title, "業務の手作業を減らし、月末の締め作業を半分の時間で終えられるようにする。",
            minutes, fee, from, end ?? from.AddMonths(2));
    }

    public static OpenCaseCommand Case(string[]? skills = null, WorkMode mode = WorkMode.Either, short? prefecture = null, string? title = null)
    {
        string t;
        lock (Gate) t = title ?? Title() + "の相談";
        return new OpenCaseCommand(t, "紙の請求書と手入力の会計で、月末に毎回残業になっています。", skills ?? ["cloud-accounting"], mode, prefecture, "20");
    }

    public static SendProposalCommand Proposal(Guid caseId, DateOnly today, string fee = "6,000") =>
        new(caseId, "クラウド会計の導入を多数支援してきました。まずは現状の業務を一緒に整理しましょう。", "クラウド会計の導入支援",
            "3か月で請求と会計をクラウドに移し、月末の作業を半減させる。", 1_200, fee, today.AddDays(14), today.AddDays(14).AddMonths(3));

    /// <summary>Drafts a plan as the company and takes it to the given status through the real commands.</summary>
    public static async Task<Guid> PlanAsync(this TestApp app, TestUser company, Guid expertId, TestUser expert, TestUser office,
        SupportPlanStatus target, DraftPlanCommand? draft = null)
    {
        var today = JapanTime.Today(app.Clock ?? TimeProvider.System);
        var created = await app.Send(company, s => s.Send(draft ?? Draft(expertId, today)));
        if (created.IsFailure) throw new InvalidOperationException(created.FirstError.ToString());
        var id = created.Value.PlanId;
        if (target == SupportPlanStatus.Draft) return id;
        if (target == SupportPlanStatus.Cancelled)
        {
            Ensure(await app.Send(company, s => s.Send(new CancelPlanCommand(id, "テストのため中止"))));
            return id;
        }
        Ensure(await app.Send(expert, s => s.Send(new AgreePlanCommand(id))));
        if (target == SupportPlanStatus.Submitted) return id;
        if (target == SupportPlanStatus.SentBack)
        {
            Ensure(await app.Send(office, s => s.Send(new SendBackPlanCommand(id, "目標をもう少し具体的にしてください。"))));
            return id;
        }
        Ensure(await app.Send(office, s => s.Send(new ApprovePlanCommand(id))));
        if (target == SupportPlanStatus.Completed) Ensure(await app.Send(office, s => s.Send(new CompletePlanCommand(id))));
        return id;
    }

    private static void Ensure(Result result)
    {
        if (result.IsFailure) throw new InvalidOperationException($"{result.FirstError}");
    }
}
