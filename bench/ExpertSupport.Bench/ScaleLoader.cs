using Bogus;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using Npgsql;
using NpgsqlTypes;

namespace ExpertSupport.Bench;

/// <summary>
/// A national round at ten times the expected size, loaded with binary COPY in minutes: 100,000 companies spread over
/// the prefectures by population, 10,000 experts (the search benchmark's loader: skills, qualifications, languages),
/// 200,000 approved plans pairing each company with experts who serve its prefecture (or online), and 1,000,000
/// completed sessions, each with a confirmed, claimable session report and its settled subsidy in the ledger.
/// Deterministic (fixed Bogus seed). Every row passes the database's own checks: sessions are placed so that no expert
/// and no company has two at once (the exclusion constraints), the split comes from the one calculator with the caps
/// left, and the cap balances are the sums of the ledger, none past its cap.
/// </summary>
internal sealed class ScaleLoader(NpgsqlDataSource dataSource, ProgrammeRound round, DateTimeOffset now)
{
    // Population by prefecture (10,000s, JIS order 1–47): where the small businesses are.
    private static readonly float[] Population =
    [
        514, 120, 117, 228, 93, 103, 176, 282, 191, 190, 733, 628, 1404, 923, 214, 102, 111, 75, 80, 202, 194, 355, 748, 174,
        140, 254, 877, 538, 130, 90, 54, 65, 186, 275, 131, 70, 93, 130, 67, 510, 80, 128, 171, 111, 105, 156, 147,
    ];

    private const int SlotMinutes = 150; // the longest session (120 min) and a 30-minute buffer
    private const int BufferMinutes = 30;
    private static readonly int[] Lengths = [60, 90, 120];

    private sealed record CompanyRow(Guid Id, Guid UserId, short Prefecture);

    private sealed record ExpertRow(Guid Id, short[] Prefectures, bool Online, long Fee);

    private readonly record struct Plan(Guid Id, int Company, int Expert);

    private readonly record struct Session(Guid BookingId, Guid ReportId, int Plan, DateTimeOffset Start, int Minutes, SubsidyBreakdown Split);

    public async Task<(int Companies, int Experts, int Plans, int Sessions)> LoadAsync(int companies, int experts, int plans, int sessions, Action<string> progress)
    {
        var faker = new Faker("ja") { Random = new Randomizer(20_261_128) };
        var expertLoader = new ExpertLoader(dataSource, round.Id, now);
        await expertLoader.LoadAsync(experts, seed: 10_000);
        progress($"{experts:N0} experts and {ExpertLoader.Companies:N0} companies");

        await using var conn = await dataSource.OpenConnectionAsync();
        var prefectures = Enumerable.Range(1, 47).Select(p => (short)p).ToArray();
        var more = Enumerable.Range(0, Math.Max(0, companies - ExpertLoader.Companies))
            .Select(_ => (Id: Guid.CreateVersion7(), UserId: Guid.CreateVersion7(), Prefecture: faker.Random.WeightedRandom(prefectures, Population))).ToList();
        await expertLoader.CopyUsersAsync(conn, [.. more.Select((c, i) => (c.UserId, $"scale-company{i:000000}@example.jp", $"スケール企業{i:000000}"))]);
        await expertLoader.CopyCompaniesAsync(conn, more);
        var companyRows = await Sql.ReadAsync(conn, "SELECT id, user_id, prefecture_code FROM companies ORDER BY id",
            r => new CompanyRow(r.GetGuid(0), r.GetGuid(1), r.GetInt16(2)));
        var expertRows = await Sql.ReadAsync(conn, "SELECT id, prefecture_codes, offers_online, hourly_fee FROM experts WHERE status = 'Approved' ORDER BY id",
            r => new ExpertRow(r.GetGuid(0), r.GetFieldValue<short[]>(1), r.GetBoolean(2), r.GetInt64(3)));
        progress($"{companyRows.Count:N0} companies in all");

        // Experts who can meet a company: on site in its prefecture, or online.
        var byPrefecture = Enumerable.Range(0, 48).Select(_ => new List<int>()).ToArray();
        var online = new List<int>();
        for (var e = 0; e < expertRows.Count; e++)
        {
            foreach (var p in expertRows[e].Prefectures) byPrefecture[p].Add(e);
            if (expertRows[e].Online) online.Add(e);
        }
        var planRows = new List<Plan>(plans);
        for (var i = 0; i < plans; i++)
        {
            var c = i < companyRows.Count ? i : faker.Random.Int(0, companyRows.Count - 1); // every company has one, some more
            var local = byPrefecture[companyRows[c].Prefecture];
            var e = local.Count > 0 && (online.Count == 0 || faker.Random.Bool(0.6f)) ? faker.PickRandom(local) : faker.PickRandom(online);
            planRows.Add(new Plan(Guid.CreateVersion7(), c, e));
        }
        await CopyPlansAsync(conn, planRows, companyRows, expertRows);
        progress($"{planRows.Count:N0} approved plans");

        // Weekdays from the round's start until yesterday, four slots a day from 9:00 Tokyo; each session takes its expert's
        // next free slot that its company has free too, and its split takes the caps left into account.
        var slots = new List<DateTimeOffset>();
        var yesterday = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        for (var d = round.PeriodStart; d <= yesterday && d <= round.PeriodEnd; d = d.AddDays(1))
        {
            if (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            for (var s = 0; s < 4; s++) slots.Add(new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(s * SlotMinutes));
        }
        var expertNext = new int[expertRows.Count];
        var companyBusy = new List<int>?[companyRows.Count];
        // The search loader already settled some subsidy: the caps left start from the ledger.
        var companyIndex = companyRows.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var expertIndex = expertRows.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var companyUsed = new long[companyRows.Count];
        var expertUsed = new long[expertRows.Count];
        foreach (var (id, sum) in await Sql.ReadAsync(conn, "SELECT company_id, sum(amount)::bigint FROM subsidy_ledger GROUP BY 1", r => (r.GetGuid(0), r.GetInt64(1))))
            companyUsed[companyIndex[id]] = sum;
        foreach (var (id, sum) in await Sql.ReadAsync(conn, "SELECT expert_id, sum(amount)::bigint FROM subsidy_ledger GROUP BY 1", r => (r.GetGuid(0), r.GetInt64(1))))
            if (expertIndex.TryGetValue(id, out var e)) expertUsed[e] = sum;
        var sessionRows = new List<Session>(sessions);
        for (var i = 0; i < sessions * 2 && sessionRows.Count < sessions; i++)
        {
            var p = faker.Random.Int(0, planRows.Count - 1);
            var plan = planRows[p];
            // The expert's next free slot, unless the company (a handful of sessions) has that one already.
            var busy = companyBusy[plan.Company] ??= [];
            var slot = expertNext[plan.Expert];
            while (busy.Contains(slot)) slot++;
            if (slot >= slots.Count) continue; // this expert's calendar is full: another plan takes the session
            var minutes = faker.PickRandom(Lengths);
            var split = SubsidyCalculator.Calculate(round.Rules, new Yen(expertRows[plan.Expert].Fee), minutes,
                round.CompanyCap - new Yen(companyUsed[plan.Company]), round.ExpertCap - new Yen(expertUsed[plan.Expert])).Value;
            expertNext[plan.Expert] = slot + 1;
            busy.Add(slot);
            companyUsed[plan.Company] += split.Subsidy.Value;
            expertUsed[plan.Expert] += split.Subsidy.Value;
            sessionRows.Add(new Session(Guid.CreateVersion7(), Guid.CreateVersion7(), p, slots[slot], minutes, split));
        }
        await CopySessionsAsync(conn, sessionRows, planRows, companyRows, expertRows, progress);
        progress($"{sessionRows.Count:N0} completed sessions with confirmed reports and settled subsidy");
        await Sql.ExecuteAsync(conn, "VACUUM ANALYZE");
        return (companyRows.Count, expertRows.Count, planRows.Count, sessionRows.Count);
    }

    private async Task CopyPlansAsync(NpgsqlConnection conn, List<Plan> plans, List<CompanyRow> companies, List<ExpertRow> experts)
    {
        var end = round.SupportEndDate < round.PeriodEnd ? round.SupportEndDate : round.PeriodEnd;
        await using var copy = await conn.BeginBinaryImportAsync(
            "COPY support_plans (id, round_id, company_id, expert_id, title, goals, planned_minutes, hourly_fee, start_date, end_date, status, " +
            "company_agreed_at, expert_agreed_at, submitted_at, approved_at, approved_by_user_id, created_by_user_id, created_at, updated_at) FROM STDIN (FORMAT BINARY)");
        foreach (var p in plans)
        {
            var company = companies[p.Company];
            await copy.StartRowAsync();
            await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(round.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(company.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(experts[p.Expert].Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync("業務のデジタル化支援", NpgsqlDbType.Varchar);
            await copy.WriteAsync("紙と手作業を減らし、月20時間の事務作業を削減する。", NpgsqlDbType.Varchar);
            await copy.WriteAsync(40 * 60, NpgsqlDbType.Integer);
            await copy.WriteAsync(experts[p.Expert].Fee, NpgsqlDbType.Bigint);
            await copy.WriteAsync(round.PeriodStart, NpgsqlDbType.Date);
            await copy.WriteAsync(end, NpgsqlDbType.Date);
            await copy.WriteAsync("Approved", NpgsqlDbType.Varchar);
            for (var t = 0; t < 4; t++) await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(company.UserId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(company.UserId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync();
    }

    private async Task CopySessionsAsync(NpgsqlConnection conn, List<Session> sessions, List<Plan> plans, List<CompanyRow> companies, List<ExpertRow> experts, Action<string> progress)
    {
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY bookings (id, round_id, plan_id, company_id, expert_id, start_at, end_at, blocked_until, buffer_minutes, minutes, mode, status, " +
            "hourly_fee, fee, subsidy_before_caps, accepted_subsidy, reserved_subsidy, requested_at, requested_by_user_id, expires_at, confirmed_at, " +
            "completed_at, updated_at, late_cancellation, calendar_sequence) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in sessions)
            {
                var plan = plans[s.Plan];
                var company = companies[plan.Company];
                var expert = experts[plan.Expert];
                var end = s.Start.AddMinutes(s.Minutes);
                await copy.StartRowAsync();
                await copy.WriteAsync(s.BookingId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(round.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(plan.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(company.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(expert.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(s.Start, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(end, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(end.AddMinutes(BufferMinutes), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(BufferMinutes, NpgsqlDbType.Integer);
                await copy.WriteAsync(s.Minutes, NpgsqlDbType.Integer);
                await copy.WriteAsync(expert.Online ? "Online" : "OnSite", NpgsqlDbType.Varchar);
                await copy.WriteAsync("Completed", NpgsqlDbType.Varchar);
                await copy.WriteAsync(expert.Fee, NpgsqlDbType.Bigint);
                await copy.WriteAsync(s.Split.Fee.Value, NpgsqlDbType.Bigint);
                await copy.WriteAsync(s.Split.SubsidyBeforeCaps.Value, NpgsqlDbType.Bigint);
                await copy.WriteAsync(s.Split.Subsidy.Value, NpgsqlDbType.Bigint);
                await copy.WriteAsync(s.Split.Subsidy.Value, NpgsqlDbType.Bigint);
                await copy.WriteAsync(s.Start.AddDays(-7), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(company.UserId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(s.Start.AddDays(-5), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(s.Start.AddDays(-6), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(end, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(end, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
            }
            await copy.CompleteAsync();
        }
        progress("bookings");

        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY session_reports (id, booking_id, plan_id, company_id, expert_id, round_id, status, summary, actual_start, actual_end, break_minutes, " +
            "worked_minutes, billable_minutes, hourly_fee, fee, subsidy, company_share, cut_by_caps, submitted_at, respond_by, confirmed_at, " +
            "confirmed_by_user_id, company_share_received_on, company_share_received_amount, claimable_at, created_at, updated_at, revision, decided_by_office) " +
            "FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in sessions)
            {
                var plan = plans[s.Plan];
                var company = companies[plan.Company];
                var end = s.Start.AddMinutes(s.Minutes);
                var confirmed = end.AddDays(2);
                await copy.StartRowAsync();
                await copy.WriteAsync(s.ReportId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(s.BookingId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(plan.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(company.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(experts[plan.Expert].Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(round.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync("Confirmed", NpgsqlDbType.Varchar);
                await copy.WriteAsync("業務フローの確認と、クラウド会計の設定を行いました。", NpgsqlDbType.Varchar);
                await copy.WriteAsync(s.Start, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(end, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(s.Minutes, NpgsqlDbType.Integer);
                await copy.WriteAsync(s.Split.BillableMinutes, NpgsqlDbType.Integer);
                await copy.WriteAsync(s.Split.HourlyRate.Value, NpgsqlDbType.Bigint);
                await copy.WriteAsync(s.Split.Fee.Value, NpgsqlDbType.Bigint);
                await copy.WriteAsync(s.Split.Subsidy.Value, NpgsqlDbType.Bigint);
                await copy.WriteAsync(s.Split.CompanyShare.Value, NpgsqlDbType.Bigint);
                await copy.WriteAsync(s.Split.CutByCaps.Value, NpgsqlDbType.Bigint);
                await copy.WriteAsync(end.AddHours(1), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(end.AddDays(8), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(confirmed, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(company.UserId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(DateOnly.FromDateTime(end.UtcDateTime), NpgsqlDbType.Date);
                await copy.WriteAsync(s.Split.CompanyShare.Value, NpgsqlDbType.Bigint);
                await copy.WriteAsync(confirmed, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(end.AddHours(1), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(confirmed, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            }
            await copy.CompleteAsync();
        }
        progress("session reports");

        // The ledger's row trigger adds each row to its two balance rows (about a millisecond a row here: 15 minutes for a
        // million). For the bulk load only, triggers are off for this session (superuser), the balances are then summed
        // from the ledger in one statement, and the caps the guard trigger would have enforced are checked afterwards.
        await Sql.ExecuteAsync(conn, "SET session_replication_role = replica");
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY subsidy_ledger (round_id, company_id, expert_id, amount, kind, source_type, source_id, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in sessions.Where(s => s.Split.Subsidy > Yen.Zero))
            {
                var plan = plans[s.Plan];
                await copy.StartRowAsync();
                await copy.WriteAsync(round.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(companies[plan.Company].Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(experts[plan.Expert].Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(s.Split.Subsidy.Value, NpgsqlDbType.Bigint);
                await copy.WriteAsync("Settle", NpgsqlDbType.Varchar);
                await copy.WriteAsync("session_report", NpgsqlDbType.Varchar);
                await copy.WriteAsync(s.ReportId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(s.Start.AddMinutes(s.Minutes).AddDays(2), NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        await Sql.ExecuteAsync(conn, """
            INSERT INTO company_cap_balances (round_id, company_id, reserved, settled)
            SELECT round_id, company_id, coalesce(sum(amount) FILTER (WHERE kind IN ('Reserve', 'Release')), 0),
                   coalesce(sum(amount) FILTER (WHERE kind IN ('Settle', 'Reverse')), 0)
            FROM subsidy_ledger GROUP BY 1, 2
            ON CONFLICT (round_id, company_id) DO UPDATE SET reserved = excluded.reserved, settled = excluded.settled;
            INSERT INTO expert_cap_balances (round_id, expert_id, reserved, settled)
            SELECT round_id, expert_id, coalesce(sum(amount) FILTER (WHERE kind IN ('Reserve', 'Release')), 0),
                   coalesce(sum(amount) FILTER (WHERE kind IN ('Settle', 'Reverse')), 0)
            FROM subsidy_ledger GROUP BY 1, 2
            ON CONFLICT (round_id, expert_id) DO UPDATE SET reserved = excluded.reserved, settled = excluded.settled;
            RESET session_replication_role;
            """);
        var passed = await Sql.ScalarAsync<long>(conn, """
            SELECT (SELECT count(*) FROM company_cap_balances b JOIN programme_rounds r ON r.id = b.round_id WHERE b.reserved + b.settled > r.company_cap)
                 + (SELECT count(*) FROM expert_cap_balances b JOIN programme_rounds r ON r.id = b.round_id WHERE b.reserved + b.settled > r.expert_cap)
            """);
        if (passed > 0) throw new InvalidOperationException("The generated sessions pass a cap: the loader is wrong.");
        progress("subsidy ledger and cap balances");
    }
}
