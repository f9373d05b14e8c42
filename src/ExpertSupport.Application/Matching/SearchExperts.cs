using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpertSupport.Application.Matching;

/// <param name="RatingAverage">Average stars (one decimal) of ratings from completed plans; null without ratings.</param>
/// <param name="Price">The company's price per hour after subsidy, null when no round is active.</param>
public sealed record ExpertHit(
    Guid Id, string DisplayName, string DisplayNameKana, string BioExcerpt, Yen HourlyFee, bool OffersOnline,
    short[] PrefectureCodes, string[] Languages, string[] SkillCodes, DateTimeOffset? NextFreeSlotAt,
    int RatingCount, double? RatingAverage, int Fit, HourPrice? Price, bool InvoiceRegistered = false);

/// <param name="CompanyCap">The company's cap use in the active round (null without a round or company profile).</param>
public sealed record ExpertSearchResult(PagedResult<ExpertHit> Experts, string? RoundName, CapUse? CompanyCap);

/// <summary>
/// Expert search for companies: approved experts only, filtered, sorted and paged in one SQL statement
/// (<see cref="ExpertSearchSql"/>), each with the company's net price per hour after subsidy.
/// </summary>
[CompanyOnly]
public sealed record SearchExpertsQuery(
    ExpertSearchFilter Filter, ExpertSearchSort Sort = ExpertSearchSort.Fit, int Page = 1, int PageSize = SearchExpertsQuery.DefaultPageSize)
    : IQuery<ExpertSearchResult>
{
    public const int DefaultPageSize = 20;
}

public sealed class SearchExpertsHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, CapsLeftReader caps)
    : IQueryHandler<SearchExpertsQuery, ExpertSearchResult>
{
    public async ValueTask<ExpertSearchResult> Handle(SearchExpertsQuery query, CancellationToken ct)
    {
        var userId = user.Id;
        var company = await db.Companies.AsNoTracking().Where(c => c.UserId == userId)
            .Select(c => new { c.Id, c.PrefectureCode }).SingleOrDefaultAsync(ct);
        var round = await db.ActiveRoundAsync(clock, ct);
        var companyCap = round is null ? null
            : company is null ? new CapUse(round.CompanyCap, Yen.Zero, Yen.Zero)
            : await caps.CompanyAsync(round.Id, company.Id, ct);

        var pageSize = Math.Clamp(query.PageSize <= 0 ? SearchExpertsQuery.DefaultPageSize : query.PageSize, 1, Paging.MaxPageSize);
        var page = Math.Max(1, query.Page);
        var statement = ExpertSearchSql.Build(query.Filter, query.Sort,
            new ExpertSearchContext(round?.Id, company?.PrefectureCode, clock.GetUtcNow()), (page - 1) * pageSize, pageSize);
        var (rows, total) = await ReadAsync(statement, round, companyCap, ct);
        return new ExpertSearchResult(new PagedResult<ExpertHit>(rows, total, page, pageSize), round?.Name, companyCap);
    }

    private async Task<(List<ExpertHit> Rows, int Total)> ReadAsync(ExpertSearchSql.Statement statement, ProgrammeRound? round, CapUse? companyCap, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = statement.ToCommand(connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<ExpertHit>();
            var total = 0;
            while (await reader.ReadAsync(ct))
            {
                var row = ExpertSearchRow.Read(reader);
                total = (int)row.Total;
                var price = round is null || companyCap is null ? null
                    : CompanyPrice.For(round.Rules, row.HourlyFee, CapsLeft.Of(companyCap, new CapUse(round.ExpertCap, row.ExpertCapReserved, row.ExpertCapSettled)));
                rows.Add(row.ToHit(price));
            }
            return (rows, total);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>One row of <see cref="ExpertSearchSql"/>, read by column name. The bench reads the bare SQL with it too.</summary>
public sealed record ExpertSearchRow(
    Guid Id, string DisplayName, string DisplayNameKana, string BioExcerpt, Yen HourlyFee, bool OffersOnline, short[] PrefectureCodes,
    string[] Languages, DateTimeOffset? NextFreeSlotAt, int RatingCount, int RatingTotal, Yen ExpertCapReserved, Yen ExpertCapSettled,
    int Fit, long Total, string[] SkillCodes, bool InvoiceRegistered = false)
{
    public static ExpertSearchRow Read(NpgsqlDataReader r) => new(
        r.GetGuid(r.GetOrdinal("id")), r.GetString(r.GetOrdinal("display_name")), r.GetString(r.GetOrdinal("display_name_kana")),
        r.GetString(r.GetOrdinal("bio_excerpt")), new Yen(r.GetInt64(r.GetOrdinal("hourly_fee"))), r.GetBoolean(r.GetOrdinal("offers_online")),
        r.GetFieldValue<short[]>(r.GetOrdinal("prefecture_codes")), r.GetFieldValue<string[]>(r.GetOrdinal("languages")),
        r.IsDBNull(r.GetOrdinal("next_free_slot_at")) ? null : r.GetFieldValue<DateTimeOffset>(r.GetOrdinal("next_free_slot_at")),
        r.GetInt32(r.GetOrdinal("rating_count")), r.GetInt32(r.GetOrdinal("rating_total")),
        new Yen(r.GetInt64(r.GetOrdinal("expert_cap_reserved"))), new Yen(r.GetInt64(r.GetOrdinal("expert_cap_settled"))),
        r.GetInt32(r.GetOrdinal("fit")), r.GetInt64(r.GetOrdinal("total")), r.GetFieldValue<string[]>(r.GetOrdinal("skill_codes")),
        r.GetBoolean(r.GetOrdinal("invoice_registered")));

    public ExpertHit ToHit(HourPrice? price) => new(
        Id, DisplayName, DisplayNameKana, BioExcerpt, HourlyFee, OffersOnline, PrefectureCodes, Languages, SkillCodes, NextFreeSlotAt,
        RatingCount, RatingCount == 0 ? null : Math.Round((double)RatingTotal / RatingCount, 1), Fit, price, InvoiceRegistered);
}
