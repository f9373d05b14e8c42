using Bogus;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;
using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Infrastructure.Seeding;

/// <summary>A demo login printed at start-up and listed in the README.</summary>
public sealed record DemoLogin(string Role, string Email, string Note);

/// <summary>
/// Demo data for Development (or with --seed-demo): deterministic (fixed Bogus seed, ja locale), so every
/// machine gets the same companies and experts. Runs once; a database that already has the demo Admin is left alone.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, IUserStore<AppUser> userStore, TimeProvider clock, DemoBookings bookings, DemoReports reports, DemoClaims claims)
{
    public const string Password = "Demo-pass-1";
    public const string AdminEmail = "admin@example.jp";
    private const int Seed = 20261128;
    private static readonly Prefectures.Prefecture[] AllPrefectures = [.. Prefectures.All];

    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new(Roles.Admin, AdminEmail, "管理者（事務局アカウントの作成）"),
        new(Roles.Office, "office1@example.jp", "事務局 審査・出力担当（締めの明細を判断済み）"),
        new(Roles.Office, "office2@example.jp", "事務局 承認担当（締めを承認できる）"),
        new(Roles.Company, "company01@example.jp", "中小企業（20社: company01〜company20）"),
        new(Roles.Company, "company21@example.jp", "中小企業の要件を満たさない企業（計画を作れない例）"),
        new(Roles.Expert, "expert01@example.jp", "承認済みIT専門家（15名: expert01〜expert15）"),
        new(Roles.Expert, "expert16@example.jp", "審査待ちIT専門家（expert16〜expert18）"),
    ];

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await users.FindByEmailAsync(AdminEmail) is not null) return false;

        var faker = new Faker("ja") { Random = new Randomizer(Seed) };
        var now = clock.GetUtcNow();
        var profiles = new DemoProfiles(Seed + 4);

        var admin = await CreateUserAsync(AdminEmail, "管理者 一郎", Roles.Admin);
        var office1 = await CreateUserAsync("office1@example.jp", "事務局 審査 花子", Roles.Office);
        var office2 = await CreateUserAsync("office2@example.jp", "事務局 承認 次郎", Roles.Office);
        // The office roles sign in with a second factor: the demo ones share the published demo key.
        foreach (var officeUser in new[] { admin, office1, office2 })
            await DemoAuthenticator.EnrolAsync(users, userStore, officeUser);

        for (var i = 1; i <= 20; i++)
        {
            var (surname, surnameKana) = faker.PickRandom(DemoNames.Surnames);
            var (trade, tradeKana) = faker.PickRandom(DemoNames.Trades);
            var (given, givenKana) = faker.PickRandom(DemoNames.GivenNames);
            var soleProprietor = i % 5 == 0;
            var user = await CreateUserAsync($"company{i:00}@example.jp", $"{surname} {given}", Roles.Company);
            var prefecture = faker.PickRandom(AllPrefectures).Code;
            var industry = faker.PickRandom<IndustryCategory>();
            var legalForm = soleProprietor ? LegalForm.SoleProprietor : LegalForm.Corporation;
            var corporateNumber = soleProprietor ? null : CorporateNumber.WithCheckDigit(faker.Random.ReplaceNumbers("############"));
            var address = $"{Prefectures.NameOf(prefecture)}{faker.Address.City()}{faker.Random.Number(1, 5)}-{faker.Random.Number(1, 30)}-{faker.Random.Number(1, 20)}";
            var capital = new Yen(soleProprietor ? 0 : faker.Random.Long(3, 100) * 1_000_000);
            var employees = faker.Random.Int(1, 80);
            // The twenty demo SMEs all pass the SME test (company21 is the one that fails, on purpose).
            if (!SmeTest.Assess(legalForm, industry, capital, employees).IsSme) employees = SmeTest.For(industry).MaxEmployees;
            var company = Company.Register(user.Id, new CompanyProfile(
                legalForm,
                soleProprietor ? $"{surname}{trade}" : $"株式会社{surname}{trade}",
                soleProprietor ? $"{surnameKana}{tradeKana}" : $"カブシキガイシャ{surnameKana}{tradeKana}",
                corporateNumber, prefecture, address, industry, capital, employees,
                profiles.ContactsFor(user.Email!, (surname, surnameKana), (given, givenKana))),
                now);
            db.Companies.Add(company);
        }

        var skills = Skill.Defaults.Select(s => s.Code).ToArray();
        for (var i = 1; i <= 18; i++)
        {
            var (surname, surnameKana) = faker.PickRandom(DemoNames.Surnames);
            var (given, givenKana) = faker.PickRandom(DemoNames.GivenNames);
            var user = await CreateUserAsync($"expert{i:00}@example.jp", $"{surname} {given}", Roles.Expert);
            var home = faker.PickRandom(AllPrefectures).Code;
            short[] served = [.. new[] { home }.Concat(faker.PickRandom(AllPrefectures, 2).Select(p => p.Code)).Distinct().Order()];
            var expertSkills = faker.PickRandom(skills, faker.Random.Int(2, 4)).ToArray();
            var bio = $"{string.Join("・", expertSkills.Select(c => Skill.Defaults.First(s => s.Code == c).NameJa))}を中心に、" +
                $"中小企業のデジタル化を{faker.Random.Int(3, 25)}年支援しています。現場に寄り添い、使い続けられる仕組みづくりを大切にしています。";
            // Fees from ¥3,000 to ¥12,000 an hour in steps of ¥500, as experts tend to quote them.
            var fee = new Yen(faker.Random.Int(6, 24) * 500L);
            var online = faker.Random.Bool(0.8f);
            var expert = Expert.Register(user.Id, new ExpertProfile(
                ExpertKind.Individual, $"{surname} {given}", $"{surnameKana} {givenKana}", bio, online, served,
                profiles.Languages(), [], profiles.Qualifications(), fee, profiles.BankAccountFor(surnameKana, givenKana)),
                now);
            foreach (var code in expertSkills)
                expert.SetSkill(code, faker.PickRandom<SkillLevel>());
            if (i <= 15) expert.Approve(office1.Id, now);
            db.Experts.Add(expert);
            // One approved expert has asked for a higher fee, so the office's change-request queue has an example.
            if (i == 3)
                db.ExpertChangeRequests.Add(ExpertChangeRequest.Open(expert.Id, new PayoutChange(fee + new Yen(500), null), user.Id, now));
        }

        // A company above the SME limits, so the office sees what a failed SME test looks like.
        var large = await CreateUserAsync("company21@example.jp", "大森 太郎", Roles.Company);
        db.Companies.Add(Company.Register(large.Id, new CompanyProfile(
            LegalForm.Corporation, "株式会社大規模製造", "カブシキガイシャダイキボセイゾウ", CorporateNumber.WithCheckDigit("700110005901"),
            13, "東京都千代田区丸の内1-1-1", IndustryCategory.ManufacturingAndOthers, new Yen(500_000_000), 450,
            profiles.ContactsFor(large.Email!, ("大森", "オオモリ"), ("太郎", "タロウ"))), now));

        await db.SaveChangesAsync(ct);
        await bookings.SeedAsync(ct);
        await new DemoPlans(db, clock, Seed + 5).SeedAsync(office1.Id, ct);
        await reports.SeedAsync(ct);
        await claims.SeedAsync(ct);
        return true;
    }

    private async Task<AppUser> CreateUserAsync(string email, string name, string role)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }
}
