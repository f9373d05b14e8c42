using Bogus;
using ExpertSupport.Domain.Reference;
using ExpertSupport.Infrastructure.Seeding;
using Npgsql;
using NpgsqlTypes;

namespace ExpertSupport.Bench;

/// <summary>
/// Scale data for the search benchmark, loaded with COPY (binary): experts with skills, qualifications, languages and free
/// slots, companies, completed plans with ratings, and settled subsidy for some experts. Deterministic (fixed Bogus seed).
/// The database's own triggers build the search documents and rating summaries in one pass per COPY.
/// </summary>
internal sealed class ExpertLoader(NpgsqlDataSource dataSource, Guid roundId, DateTimeOffset now)
{
    public const int Companies = 1_000;

    private static readonly string[] Sentences =
    [
        "請求書の電子化とクラウド会計への移行を得意としています。", "経理の締め作業を短くする仕組みづくりを支援します。",
        "テレワークの環境づくりと、社内の情報共有の見直しをお手伝いします。", "ネットショップの開設から集客、受注の効率化まで伴走します。",
        "受発注のEDI化と、取引先とのやり取りの標準化を支援します。", "情報セキュリティの基本対策とSECURITY ACTIONの宣言を支援します。",
        "RPAで毎日の定型作業を自動化し、人手不足を補います。", "在庫管理と販売データの活用で、仕入れの無駄を減らします。",
        "IT導入補助金の申請書づくりから、導入後の定着まで支援します。", "ホームページのリニューアルとSNSでの発信を支援します。",
        "キャッシュレス決済の比較と導入、入金管理の見直しを支援します。", "グループウェアで社内の連絡と日程調整を一本化します。",
        "製造現場の日報をタブレットに置き換え、集計を自動にします。", "飲食店の予約と顧客管理をデジタル化します。",
        "建設業の写真管理と図面共有をクラウドで行えるようにします。", "小売店のPOSデータを使った売れ筋分析を支援します。",
    ];

    public async Task<(int Experts, int Ratings)> LoadAsync(int count, int seed)
    {
        var faker = new Faker("ja") { Random = new Randomizer(seed) };
        var skills = Skill.Defaults.Select(s => s.Code).ToArray();
        var skillNames = Skill.Defaults.ToDictionary(s => s.Code, s => s.NameJa);
        var levels = new[] { "Practitioner", "Experienced", "Expert" };
        var languages = Languages.All.Select(l => l.Code).Where(c => c != "ja").ToArray();
        var qualifications = Qualifications.All.Select(q => q.Code).ToArray();

        var users = new List<(Guid Id, string Email, string Name)>();
        var experts = new List<ExpertRow>();
        for (var i = 0; i < count; i++)
        {
            var (surname, surnameKana) = faker.PickRandom(DemoNames.Surnames);
            var (given, givenKana) = faker.PickRandom(DemoNames.GivenNames);
            var userId = Guid.CreateVersion7();
            users.Add((userId, $"bench-expert{i:00000}@example.jp", $"{surname} {given}"));
            var own = faker.PickRandom(skills, faker.Random.Int(1, 4)).ToArray();
            var home = (short)faker.Random.Int(1, 47);
            short[] served = faker.Random.Bool(0.85f) ? [.. new[] { home }.Concat(Enumerable.Range(0, faker.Random.Int(0, 3)).Select(_ => (short)faker.Random.Int(1, 47))).Distinct().Order()] : [];
            var bio = $"{string.Join("・", own.Select(c => skillNames[c]))}を中心に、中小企業のデジタル化を{faker.Random.Int(2, 30)}年支援しています。" +
                      string.Concat(faker.PickRandom(Sentences, faker.Random.Int(2, 4)));
            var status = faker.Random.WeightedRandom(["Approved", "Pending", "Suspended"], [0.95f, 0.03f, 0.02f]);
            experts.Add(new ExpertRow(
                Guid.CreateVersion7(), userId, $"{surname} {given}", $"{surnameKana} {givenKana}", bio, faker.Random.Int(2, 30) * 500L,
                served.Length == 0 || faker.Random.Bool(0.7f), served, ["ja", .. faker.Random.Bool(0.2f) ? faker.PickRandom(languages, 1) : []], status,
                faker.Random.Bool(0.7f) ? now.AddMinutes(faker.Random.Int(30, 60 * 24 * 30)) : null,
                [.. own.Select(c => (c, faker.PickRandom(levels)))], faker.Random.Bool(0.4f) ? [.. faker.PickRandom(qualifications, faker.Random.Int(1, 2))] : []));
        }
        var companies = Enumerable.Range(0, Companies).Select(i => (Id: Guid.CreateVersion7(), UserId: Guid.CreateVersion7(), Prefecture: (short)faker.Random.Int(1, 47))).ToList();
        users.AddRange(companies.Select((c, i) => (c.UserId, $"bench-company{i:0000}@example.jp", $"ベンチ企業{i:0000}")));

        await using var conn = await dataSource.OpenConnectionAsync();
        await CopyUsersAsync(conn, users);
        await CopyExpertsAsync(conn, experts);
        await CopyCompaniesAsync(conn, companies);
        var approved = experts.Where(e => e.Status == "Approved").ToList();
        var ratings = await CopyRatedPlansAsync(conn, faker, approved, companies.Select(c => (c.Id, c.UserId)).ToList());
        await CopyLedgerAsync(conn, faker, approved, companies.Select(c => c.Id).ToList());
        // A bulk load writes each search document twice (the experts' COPY, then the skills' COPY rebuilds it): compact the
        // table to the size it has in use, and give the planner fresh statistics, as autovacuum would.
        await using (var vacuum = new NpgsqlCommand("VACUUM (FULL, ANALYZE) expert_search_documents", conn)) await vacuum.ExecuteNonQueryAsync();
        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE", conn)) await analyze.ExecuteNonQueryAsync();
        return (experts.Count, ratings);
    }

    private sealed record ExpertRow(
        Guid Id, Guid UserId, string Name, string Kana, string Bio, long Fee, bool Online, short[] Prefectures, string[] Languages, string Status,
        DateTimeOffset? NextFreeSlotAt, (string Code, string Level)[] Skills, string[] Qualifications);

    private async Task CopyUsersAsync(NpgsqlConnection conn, List<(Guid Id, string Email, string Name)> users)
    {
        await using var copy = await conn.BeginBinaryImportAsync(
            "COPY \"AspNetUsers\" (id, display_name, preferred_language, created_at, user_name, normalized_user_name, email, normalized_email, " +
            "email_confirmed, security_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count) FROM STDIN (FORMAT BINARY)");
        foreach (var (id, email, name) in users)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(name, NpgsqlDbType.Text);
            await copy.WriteAsync("ja", NpgsqlDbType.Text);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(email, NpgsqlDbType.Varchar);
            await copy.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Varchar);
            await copy.WriteAsync(email, NpgsqlDbType.Varchar);
            await copy.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Varchar);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean);
            await copy.WriteAsync(Guid.NewGuid().ToString("N"), NpgsqlDbType.Text);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(0, NpgsqlDbType.Integer);
        }
        await copy.CompleteAsync();
    }

    private async Task CopyExpertsAsync(NpgsqlConnection conn, List<ExpertRow> experts)
    {
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY experts (id, user_id, kind, display_name, display_name_kana, bio, hourly_fee, offers_online, prefecture_codes, status, " +
            "created_at, updated_at, languages, next_free_slot_at, conflict_of_interest_declared_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in experts)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(e.UserId, NpgsqlDbType.Uuid);
                await copy.WriteAsync("Individual", NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Name, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Kana, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Bio, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Fee, NpgsqlDbType.Bigint);
                await copy.WriteAsync(e.Online, NpgsqlDbType.Boolean);
                await copy.WriteAsync(e.Prefectures, NpgsqlDbType.Array | NpgsqlDbType.Smallint);
                await copy.WriteAsync(e.Status, NpgsqlDbType.Varchar);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(e.Languages, NpgsqlDbType.Array | NpgsqlDbType.Text);
                if (e.NextFreeSlotAt is { } slot) await copy.WriteAsync(slot, NpgsqlDbType.TimestampTz); else await copy.WriteNullAsync();
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await conn.BeginBinaryImportAsync("COPY expert_skills (expert_id, skill_code, level) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in experts)
            {
                foreach (var (code, level) in e.Skills)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(code, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(level, NpgsqlDbType.Varchar);
                }
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await conn.BeginBinaryImportAsync("COPY expert_qualifications (expert_id, qualification_code, certificate_number) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in experts)
            {
                foreach (var code in e.Qualifications)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(code, NpgsqlDbType.Varchar);
                    await copy.WriteAsync("BENCH-0001", NpgsqlDbType.Varchar);
                }
            }
            await copy.CompleteAsync();
        }
    }

    private async Task CopyCompaniesAsync(NpgsqlConnection conn, List<(Guid Id, Guid UserId, short Prefecture)> companies)
    {
        await using var copy = await conn.BeginBinaryImportAsync(
            "COPY companies (id, user_id, legal_form, name, name_kana, prefecture_code, address, industry, capital_yen, employees, status, " +
            "created_at, updated_at, sme_eligible, is_small_business, sme_explanation) FROM STDIN (FORMAT BINARY)");
        var i = 0;
        foreach (var (id, userId, prefecture) in companies)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(userId, NpgsqlDbType.Uuid);
            await copy.WriteAsync("Corporation", NpgsqlDbType.Varchar);
            await copy.WriteAsync($"株式会社ベンチ{i++:0000}", NpgsqlDbType.Varchar);
            await copy.WriteAsync("カブシキガイシャベンチ", NpgsqlDbType.Varchar);
            await copy.WriteAsync(prefecture, NpgsqlDbType.Smallint);
            await copy.WriteAsync("1-1-1", NpgsqlDbType.Varchar);
            await copy.WriteAsync("Services", NpgsqlDbType.Varchar);
            await copy.WriteAsync(10_000_000L, NpgsqlDbType.Bigint);
            await copy.WriteAsync(10, NpgsqlDbType.Integer);
            await copy.WriteAsync("Active", NpgsqlDbType.Varchar);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync("", NpgsqlDbType.Varchar);
        }
        await copy.CompleteAsync();
    }

    /// <summary>Completed plans for four in ten approved experts, each rated once (the triggers check and summarise).</summary>
    private async Task<int> CopyRatedPlansAsync(NpgsqlConnection conn, Faker faker, List<ExpertRow> experts, List<(Guid Id, Guid UserId)> companies)
    {
        var plans = new List<(Guid Id, Guid Company, Guid CompanyUser, Guid Expert, long Fee, short Stars)>();
        foreach (var e in experts.Where(_ => faker.Random.Bool(0.4f)))
        {
            for (var n = faker.Random.Int(1, 5); n > 0; n--)
            {
                var (companyId, userId) = faker.PickRandom(companies);
                plans.Add((Guid.CreateVersion7(), companyId, userId, e.Id, e.Fee, (short)faker.Random.WeightedRandom([1, 2, 3, 4, 5], [.03f, .07f, .2f, .4f, .3f])));
            }
        }
        var start = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-60);
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY support_plans (id, round_id, company_id, expert_id, title, goals, planned_minutes, hourly_fee, start_date, end_date, status, " +
            "company_agreed_at, expert_agreed_at, submitted_at, approved_at, approved_by_user_id, created_by_user_id, created_at, updated_at, completed_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in plans)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(roundId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.Company, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.Expert, NpgsqlDbType.Uuid);
                await copy.WriteAsync("ベンチ用の支援計画", NpgsqlDbType.Varchar);
                await copy.WriteAsync("業務のデジタル化", NpgsqlDbType.Varchar);
                await copy.WriteAsync(600, NpgsqlDbType.Integer);
                await copy.WriteAsync(p.Fee, NpgsqlDbType.Bigint);
                await copy.WriteAsync(start, NpgsqlDbType.Date);
                await copy.WriteAsync(start.AddDays(30), NpgsqlDbType.Date);
                await copy.WriteAsync("Completed", NpgsqlDbType.Varchar);
                for (var t = 0; t < 4; t++) await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(p.CompanyUser, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.CompanyUser, NpgsqlDbType.Uuid);
                for (var t = 0; t < 3; t++) await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY plan_ratings (id, plan_id, company_id, expert_id, stars, comment, created_by_user_id, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in plans)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.Company, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.Expert, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.Stars, NpgsqlDbType.Smallint);
                await copy.WriteAsync("", NpgsqlDbType.Varchar);
                await copy.WriteAsync(p.CompanyUser, NpgsqlDbType.Uuid);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        return plans.Count;
    }

    /// <summary>Settled subsidy for three in ten approved experts (at most three rows per company, so no cap is exceeded).</summary>
    private async Task CopyLedgerAsync(NpgsqlConnection conn, Faker faker, List<ExpertRow> experts, List<Guid> companies)
    {
        await using var copy = await conn.BeginBinaryImportAsync(
            "COPY subsidy_ledger (round_id, company_id, expert_id, amount, kind, source_type, source_id, created_at) FROM STDIN (FORMAT BINARY)");
        var row = 0;
        foreach (var e in experts.Where(_ => faker.Random.Bool(0.3f)).Take(companies.Count * 3))
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(roundId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(companies[row++ % companies.Count], NpgsqlDbType.Uuid);
            await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(faker.Random.Int(1, 25) * 3_500L, NpgsqlDbType.Bigint);
            await copy.WriteAsync("Settle", NpgsqlDbType.Varchar);
            await copy.WriteAsync("session_report", NpgsqlDbType.Varchar);
            await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync();
    }
}
