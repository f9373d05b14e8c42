using System.Text;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using NpgsqlTypes;
using Npgsql;

namespace ExpertSupport.Application.Matching;

/// <summary>What a company can filter experts by; every field is optional.</summary>
/// <param name="Text">Free text over name, kana, skill names and bio; words separated by spaces must all match.</param>
/// <param name="PrefectureCode">Serves this prefecture on site.</param>
/// <param name="FreeWithinDays">Has a bookable slot within this many days (from the booking feature's cache).</param>
public sealed record ExpertSearchFilter(
    string? Text = null, string? SkillCode = null, short? PrefectureCode = null, WorkMode? Mode = null,
    Yen? FeeMin = null, Yen? FeeMax = null, string? Language = null, string? Qualification = null, int? FreeWithinDays = null);

public enum ExpertSearchSort
{
    /// <summary>How well the expert fits the filters and the company (see README for the weights).</summary>
    Fit = 0,
    FeeLow = 1,
    FeeHigh = 2,
    NextFreeSlot = 3,
    Rating = 4,
}

/// <summary>Who searches, and when: the round whose caps apply, the company's prefecture (fit), "now" for free slots.</summary>
public sealed record ExpertSearchContext(Guid? RoundId, short? CompanyPrefecture, DateTimeOffset Now);

/// <summary>
/// The expert search as one SQL statement: filters, fit score, rating summary, the expert's cap use in the round, the
/// total (a window count) and one page, with each page row's skill codes — one round trip, no per-row queries. Free
/// text uses the character-bigram GIN index of <c>expert_search_documents</c> to find candidates, then LIKE to confirm
/// (the bigram and fold functions are in the Plans migration). Only values travel as parameters; the SQL text varies
/// with which filters are present, so each shape gets its own plan.
/// </summary>
public static class ExpertSearchSql
{
    public const int MaxTerms = 5;
    public const int MaxTermLength = 50;
    /// <summary>A free slot within this many days counts towards fit.</summary>
    public const int SoonDays = 14;
    public const int MaxFreeWithinDays = 366;

    public sealed record Statement(string Sql, IReadOnlyList<NpgsqlParameter> Parameters)
    {
        /// <summary>A fresh command each time: a parameter belongs to one command only.</summary>
        public NpgsqlCommand ToCommand(NpgsqlConnection connection)
        {
            var command = new NpgsqlCommand(Sql, connection);
            foreach (var p in Parameters) command.Parameters.Add(p.Clone());
            return command;
        }
    }

    /// <summary>The words of a free-text query: NFKC (full-width letters and spaces become ASCII), split on spaces.</summary>
    public static string[] Terms(string? text) =>
        string.IsNullOrWhiteSpace(text) ? []
        : [.. text.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Length > MaxTermLength ? t[..MaxTermLength] : t).Distinct().Take(MaxTerms)];

    private static bool IsOneBigram(string term) => term.Length == 2 && !char.IsSurrogate(term[0]) && !char.IsSurrogate(term[1]);

    public static Statement Build(ExpertSearchFilter f, ExpertSearchSort sort, ExpertSearchContext ctx, int offset, int limit)
    {
        var p = new List<NpgsqlParameter>
        {
            new("now", NpgsqlDbType.TimestampTz) { Value = ctx.Now },
            new("limit", NpgsqlDbType.Integer) { Value = limit },
            new("offset", NpgsqlDbType.Integer) { Value = offset },
        };
        var joins = new StringBuilder();
        var where = new StringBuilder("e.status = 'Approved'");
        var fit = new List<string>
        {
            "CASE WHEN e.offers_online THEN 1 ELSE 0 END",
            $"CASE WHEN e.next_free_slot_at >= @now AND e.next_free_slot_at < @now + interval '{SoonDays} days' THEN 2 ELSE 0 END",
            // Average 5 → +4, 4 → +2, 3 → 0, 1 → −4.
            "coalesce((r.rating_total - 3 * r.rating_count) * 2 / nullif(r.rating_count, 0), 0)",
        };

        if (!string.IsNullOrWhiteSpace(f.SkillCode))
        {
            p.Add(new("skill", NpgsqlDbType.Varchar) { Value = f.SkillCode });
            joins.Append(" JOIN expert_skills fs ON fs.expert_id = e.id AND fs.skill_code = @skill");
            fit.Add("CASE fs.level WHEN 'Expert' THEN 6 WHEN 'Experienced' THEN 4 ELSE 2 END");
        }
        var terms = Terms(f.Text);
        if (terms.Length > 0)
        {
            p.Add(new("terms", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = terms });
            joins.Append(" JOIN expert_search_documents d ON d.expert_id = e.id");
            // Terms of two or more characters give bigrams for the index. A two-character term is exactly its one bigram, so
            // the index answers it; a longer term's bigrams may be scattered, and a one-character term has none: LIKE checks those.
            if (terms.Any(t => t.Length >= 2)) where.Append(" AND d.bigrams @> search_bigrams(@terms)");
            var recheck = terms.Where(t => !IsOneBigram(t)).ToArray();
            if (recheck.Length > 0)
            {
                p.Add(new("recheck", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = recheck });
                where.Append(" AND d.body LIKE ALL (search_patterns(@recheck))");
            }
            fit.Add("CASE WHEN d.name_text LIKE ANY (search_patterns(@terms)) THEN 6 ELSE 0 END");
            fit.Add("CASE WHEN d.skill_text LIKE ANY (search_patterns(@terms)) THEN 4 ELSE 0 END");
            fit.Add("CASE WHEN d.body LIKE ANY (search_patterns(@terms)) THEN 1 ELSE 0 END");
        }
        if (f.PrefectureCode is { } prefecture)
        {
            p.Add(new("prefecture", NpgsqlDbType.Smallint) { Value = prefecture });
            where.Append(" AND e.prefecture_codes @> ARRAY[@prefecture]");
        }
        if (ctx.CompanyPrefecture is { } home)
        {
            p.Add(new("home", NpgsqlDbType.Smallint) { Value = home });
            fit.Add("CASE WHEN e.prefecture_codes @> ARRAY[@home] THEN 3 ELSE 0 END");
        }
        if (f.Mode == WorkMode.Online) where.Append(" AND e.offers_online");
        if (f.Mode == WorkMode.Onsite) where.Append(" AND cardinality(e.prefecture_codes) > 0");
        if (f.FeeMin is { } min)
        {
            p.Add(new("fee_min", NpgsqlDbType.Bigint) { Value = min.Value });
            where.Append(" AND e.hourly_fee >= @fee_min");
        }
        if (f.FeeMax is { } max)
        {
            p.Add(new("fee_max", NpgsqlDbType.Bigint) { Value = max.Value });
            where.Append(" AND e.hourly_fee <= @fee_max");
        }
        if (!string.IsNullOrWhiteSpace(f.Language))
        {
            p.Add(new("language", NpgsqlDbType.Text) { Value = f.Language });
            where.Append(" AND e.languages @> ARRAY[@language]");
        }
        if (!string.IsNullOrWhiteSpace(f.Qualification))
        {
            p.Add(new("qualification", NpgsqlDbType.Varchar) { Value = f.Qualification });
            where.Append(" AND EXISTS (SELECT 1 FROM expert_qualifications q WHERE q.expert_id = e.id AND q.qualification_code = @qualification)");
        }
        if (f.FreeWithinDays is > 0 and var days)
        {
            p.Add(new("slot_until", NpgsqlDbType.TimestampTz) { Value = ctx.Now.AddDays(Math.Min(days, MaxFreeWithinDays)) });
            where.Append(" AND e.next_free_slot_at >= @now AND e.next_free_slot_at < @slot_until");
        }
        var (capReserved, capSettled) = ("0::bigint", "0::bigint");
        if (ctx.RoundId is { } roundId)
        {
            p.Add(new("round", NpgsqlDbType.Uuid) { Value = roundId });
            // Reserved and settled only (CapUse works out what is left): from the balance cache, so a narrow search joins the
            // few experts it found. The view caps_left builds a row for every expert of the round whatever the filters
            // (PostgreSQL cannot push the join key into its UNION ALL of joins).
            joins.Append(" LEFT JOIN expert_cap_balances cb ON cb.expert_id = e.id AND cb.round_id = @round");
            (capReserved, capSettled) = ("coalesce(cb.reserved, 0)", "coalesce(cb.settled, 0)");
        }

        // Sort keys are output columns, so the same ORDER BY serves the page query and the outer query.
        var order = sort switch
        {
            ExpertSearchSort.FeeLow => "hourly_fee, fit DESC, id",
            ExpertSearchSort.FeeHigh => "hourly_fee DESC, fit DESC, id",
            ExpertSearchSort.NextFreeSlot => "next_free_slot_at NULLS LAST, fit DESC, id",
            ExpertSearchSort.Rating => "rating_x100 DESC NULLS LAST, rating_count DESC, fit DESC, id",
            _ => "fit DESC, rating_x100 DESC NULLS LAST, hourly_fee, id",
        };
        // Two stages: the ranking stage keeps only narrow columns (the window count buffers every matching row, and wide
        // rows would spill to disk); the page's few rows then get their names, bio excerpt, arrays and skills.
        var sql = $"""
            WITH page AS (
                SELECT e.id, e.hourly_fee,
                       CASE WHEN e.next_free_slot_at >= @now THEN e.next_free_slot_at END AS next_free_slot_at,
                       coalesce(r.rating_count, 0) AS rating_count, coalesce(r.rating_total, 0) AS rating_total,
                       r.rating_total * 100 / nullif(r.rating_count, 0) AS rating_x100,
                       {capReserved} AS expert_cap_reserved, {capSettled} AS expert_cap_settled,
                       {string.Join(" + ", fit)} AS fit,
                       count(*) OVER () AS total
                FROM experts e{joins}
                LEFT JOIN expert_rating_summaries r ON r.expert_id = e.id
                WHERE {where}
                ORDER BY {order}
                LIMIT @limit OFFSET @offset)
            SELECT page.*, x.display_name, x.display_name_kana, left(x.bio, 160) AS bio_excerpt, x.offers_online, x.prefecture_codes, x.languages,
                   (x.invoice_registration_number IS NOT NULL AND x.invoice_registration_verified_at IS NOT NULL) AS invoice_registered,
                   ARRAY(SELECT s.skill_code FROM expert_skills s WHERE s.expert_id = page.id ORDER BY s.skill_code) AS skill_codes
            FROM page JOIN experts x ON x.id = page.id
            ORDER BY {order}
            """;
        return new Statement(sql, p);
    }
}
