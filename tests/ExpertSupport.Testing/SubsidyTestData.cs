using Bogus;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;
using ExpertSupport.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.Testing;

/// <summary>
/// Companies, experts and rounds for tests of the caps, inserted in bulk (users straight into the table: no
/// password hashing, since these users never log in). Bogus with a fixed seed gives readable, stable names.
/// </summary>
public static class SubsidyTestData
{
    private static readonly Faker Faker = new("ja") { Random = new Randomizer(20261128) };
    private static readonly Lock Gate = new();

    public static async Task<IReadOnlyList<Guid>> CreateCompaniesAsync(this TestApp app, int count)
    {
        var companies = new List<Company>();
        await app.Db(async db =>
        {
            foreach (var user in AddUsers(db, count, "company"))
            {
                string name;
                lock (Gate) name = "株式会社" + Faker.Name.LastName() + Faker.Random.Number(1, 9999);
                var company = Company.Register(user.Id, LegalForm.Corporation, name, "カブシキガイシャテスト", null,
                    13, "東京都千代田区1-1-1", IndustryCategory.Services, new Yen(10_000_000), 10, DateTimeOffset.UtcNow);
                companies.Add(company);
                db.Companies.Add(company);
            }
            await db.SaveChangesAsync();
        });
        return [.. companies.Select(c => c.Id)];
    }

    public static async Task<IReadOnlyList<Guid>> CreateExpertsAsync(this TestApp app, int count, long hourlyFee = 5_000)
    {
        var experts = new List<Expert>();
        await app.Db(async db =>
        {
            foreach (var user in AddUsers(db, count, "expert"))
            {
                string name;
                lock (Gate) name = Faker.Name.LastName() + " " + Faker.Name.FirstName();
                var expert = Expert.Register(user.Id, ExpertKind.Individual, name, "テスト", "テスト用の専門家です。",
                    new Yen(hourlyFee), true, [13], DateTimeOffset.UtcNow);
                experts.Add(expert);
                db.Experts.Add(expert);
            }
            await db.SaveChangesAsync();
        });
        return [.. experts.Select(e => e.Id)];
    }

    /// <summary>A company profile for a user who logs in (created with <see cref="TestApp.CreateUserAsync"/>).</summary>
    public static Task<Guid> CreateCompanyForAsync(this TestApp app, TestUser user) => app.Db(async db =>
    {
        var company = Company.Register(user.Id, LegalForm.SoleProprietor, "テスト商店", "テストショウテン", null,
            27, "大阪府大阪市1-1", IndustryCategory.Retail, Yen.Zero, 1, DateTimeOffset.UtcNow);
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        return company.Id;
    });

    public static Task<Guid> CreateExpertForAsync(this TestApp app, TestUser user) => app.Db(async db =>
    {
        var expert = Expert.Register(user.Id, ExpertKind.Individual, "テスト 専門家", "テスト センモンカ", "テスト", new Yen(5_000), true, [13], DateTimeOffset.UtcNow);
        db.Experts.Add(expert);
        await db.SaveChangesAsync();
        return expert.Id;
    });

    /// <summary>The round active on today's Tokyo date (seeded at start-up).</summary>
    public static Task<ProgrammeRound> ActiveRoundAsync(this TestApp app) => app.Db(async db =>
        await db.ActiveRoundAsync(app.Services.GetRequiredService<TimeProvider>(), default)
            ?? throw new InvalidOperationException("No active programme round."));

    /// <summary>Runs ledger work in its own scope and transaction, as a command's pipeline would.</summary>
    public static async Task<T> LedgerAsync<T>(this TestApp app, TestUser? actor, Func<SubsidyLedger, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestIdentity>().ActAs(actor);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await work(scope.ServiceProvider.GetRequiredService<SubsidyLedger>());
        await transaction.CommitAsync();
        return result;
    }

    private static List<AppUser> AddUsers(AppDbContext db, int count, string role)
    {
        var users = Enumerable.Range(0, count).Select(_ =>
        {
            var email = $"{role}-{Guid.NewGuid():N}@bulk.example.jp";
            return new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = role, SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow,
            };
        }).ToList();
        db.Users.AddRange(users);
        return users;
    }

    public static Task<(Yen Reserved, Yen Settled)> CompanyBalanceAsync(this TestApp app, Guid roundId, Guid companyId) => app.Db(async db =>
    {
        var b = await db.CompanyCapBalances.AsNoTracking().SingleOrDefaultAsync(x => x.RoundId == roundId && x.CompanyId == companyId);
        return (b?.Reserved ?? Yen.Zero, b?.Settled ?? Yen.Zero);
    });

    public static Task<(Yen Reserved, Yen Settled)> ExpertBalanceAsync(this TestApp app, Guid roundId, Guid expertId) => app.Db(async db =>
    {
        var b = await db.ExpertCapBalances.AsNoTracking().SingleOrDefaultAsync(x => x.RoundId == roundId && x.ExpertId == expertId);
        return (b?.Reserved ?? Yen.Zero, b?.Settled ?? Yen.Zero);
    });

    /// <summary>The ledger's sums per kind for one company: (reserved = reserve + release, settled = settle + reverse).</summary>
    public static Task<(Yen Reserved, Yen Settled)> CompanyLedgerSumsAsync(this TestApp app, Guid roundId, Guid companyId) => app.Db(async db =>
    {
        var rows = await db.SubsidyLedger.AsNoTracking().Where(e => e.RoundId == roundId && e.CompanyId == companyId).ToListAsync();
        return Sums(rows);
    });

    public static Task<(Yen Reserved, Yen Settled)> ExpertLedgerSumsAsync(this TestApp app, Guid roundId, Guid expertId) => app.Db(async db =>
    {
        var rows = await db.SubsidyLedger.AsNoTracking().Where(e => e.RoundId == roundId && e.ExpertId == expertId).ToListAsync();
        return Sums(rows);
    });

    private static (Yen, Yen) Sums(List<SubsidyLedgerEntry> rows) =>
        (rows.Where(r => r.Kind is LedgerKind.Reserve or LedgerKind.Release).Sum(r => r.Amount),
         rows.Where(r => r.Kind is LedgerKind.Settle or LedgerKind.Reverse).Sum(r => r.Amount));
}
