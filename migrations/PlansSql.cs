using Microsoft.EntityFrameworkCore.Migrations;

namespace ExpertSupport.Migrations.Migrations;

/// <summary>
/// The raw SQL of the Plans migration: free-text search over experts (folding, bigrams, the search documents kept by
/// triggers) and the rules on ratings (completed plans only, once, never changed, summarised per expert).
/// </summary>
internal static class PlansSql
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        // Free-text search (README "Expert search"). Japanese has no spaces between words, and pg_trgm cannot use its
        // index for a word shorter than three characters (会計, 経理), so we index character bigrams ourselves. Text is
        // folded first, on both sides: NFKC (full-width letters and digits, half-width kana), hiragana to katakana, lower case.
        migrationBuilder.Sql("""
            CREATE FUNCTION search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                SELECT lower(translate(normalize(t, NFKC),
                    'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ',
                    'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ'))
            $$;

            -- A bigram as one integer, so that the codes of a document stay small enough to be kept inline (no TOAST) and a
            -- scan of them is cheap: two characters of the Basic Multilingual Plane (all of everyday Japanese) are packed
            -- exactly, 16 bits each; a pair with a character beyond it is hashed into the codes whose first half would be a
            -- surrogate (D800–DFFF), which no real pair of BMP characters has, so the two kinds never collide.
            CREATE FUNCTION search_bigram_code(g text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                SELECT (CASE WHEN a < 65536 AND b < 65536 THEN (a << 16) | b
                             ELSE ((55296 + (h & 2047)) << 16) | ((h >> 11) & 65535) END - 2147483648)::integer
                FROM (SELECT ascii(substr(g, 1, 1))::bigint AS a, ascii(substr(g, 2, 1))::bigint AS b, hashtext(g)::bigint AS h) AS x
            $$;

            -- The distinct bigram codes of a folded text, leaving out pieces with white space (a query word has none).
            CREATE FUNCTION search_bigrams(t text) RETURNS integer[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                SELECT coalesce(array_agg(DISTINCT search_bigram_code(g)), '{}')
                FROM (SELECT substr(t, i, 2) AS g FROM generate_series(1, char_length(t) - 1) AS i) AS pieces
                WHERE g !~ '\s'
            $$;

            -- The bigram codes every document must contain to match all the query's words.
            CREATE FUNCTION search_bigrams(terms text[]) RETURNS integer[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                SELECT coalesce(array_agg(DISTINCT g), '{}') FROM unnest(terms) AS t(term), unnest(search_bigrams(search_fold(term))) AS g
            $$;

            -- One LIKE pattern per query word, folded, with LIKE's wildcards escaped.
            CREATE FUNCTION search_patterns(terms text[]) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                SELECT coalesce(array_agg('%' || replace(replace(replace(search_fold(term), '\', '\\'), '%', '\%'), '_', '\_') || '%'), '{}')
                FROM unnest(terms) AS t(term)
            $$;
            """);

        // The search document of an expert: folded name (also without spaces, so 佐藤花子 finds 佐藤 花子), kana, skill names
        // (Japanese and English) and bio, and their bigrams. Rebuilt, set-based, for the experts given.
        migrationBuilder.Sql("""
            -- The codes stay in the row (the texts move out first), so a scan that tests them never decompresses anything.
            ALTER TABLE expert_search_documents ALTER COLUMN bigrams SET STORAGE MAIN;

            CREATE FUNCTION refresh_expert_search_documents(ids uuid[]) RETURNS void LANGUAGE sql AS $$
                INSERT INTO expert_search_documents (expert_id, name_text, skill_text, body, bigrams)
                SELECT x.id, x.name_text, x.skill_text, x.body, search_bigrams(x.body)
                FROM (SELECT y.*, y.name_text || E'\n' || y.skill_text || E'\n' || y.bio_text AS body FROM (
                    SELECT e.id,
                           search_fold(e.display_name) || E'\n' || regexp_replace(search_fold(e.display_name), '\s', '', 'g') || E'\n' ||
                           search_fold(e.display_name_kana) || E'\n' || regexp_replace(search_fold(e.display_name_kana), '\s', '', 'g') AS name_text,
                           coalesce((SELECT search_fold(string_agg(k.name_ja || E'\n' || k.name_en, E'\n' ORDER BY k.sort_order))
                                     FROM expert_skills s JOIN skills k ON k.code = s.skill_code WHERE s.expert_id = e.id), '') AS skill_text,
                           search_fold(e.bio) AS bio_text
                    FROM experts e
                    WHERE e.id = ANY (ids)) AS y) AS x
                ON CONFLICT (expert_id) DO UPDATE
                    SET name_text = EXCLUDED.name_text, skill_text = EXCLUDED.skill_text, body = EXCLUDED.body, bigrams = EXCLUDED.bigrams
            $$;
            """);

        // Search documents follow every change of an expert's name, kana, bio or skills, and of a skill's names, in the
        // statement that makes it. Statement triggers with transition tables: a bulk load (COPY) rebuilds in one pass.
        migrationBuilder.Sql("""
            CREATE FUNCTION experts_search_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM refresh_expert_search_documents(ARRAY(SELECT id FROM new_rows));
                RETURN NULL;
            END $$;
            CREATE TRIGGER experts_search_insert AFTER INSERT ON experts
                REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION experts_search_inserted();

            CREATE FUNCTION experts_search_updated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM refresh_expert_search_documents(ARRAY(
                    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                    WHERE (n.display_name, n.display_name_kana, n.bio) IS DISTINCT FROM (o.display_name, o.display_name_kana, o.bio)));
                RETURN NULL;
            END $$;
            CREATE TRIGGER experts_search_update AFTER UPDATE ON experts
                REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION experts_search_updated();

            CREATE FUNCTION expert_skills_search_added() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM refresh_expert_search_documents(ARRAY(SELECT DISTINCT expert_id FROM new_rows));
                RETURN NULL;
            END $$;
            CREATE TRIGGER expert_skills_search_insert AFTER INSERT ON expert_skills
                REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION expert_skills_search_added();
            CREATE TRIGGER expert_skills_search_update AFTER UPDATE ON expert_skills
                REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION expert_skills_search_added();

            CREATE FUNCTION expert_skills_search_removed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM refresh_expert_search_documents(ARRAY(SELECT DISTINCT expert_id FROM old_rows));
                RETURN NULL;
            END $$;
            CREATE TRIGGER expert_skills_search_delete AFTER DELETE ON expert_skills
                REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION expert_skills_search_removed();

            CREATE FUNCTION skills_search_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM refresh_expert_search_documents(ARRAY(
                    SELECT DISTINCT s.expert_id FROM expert_skills s JOIN new_rows n ON n.code = s.skill_code));
                RETURN NULL;
            END $$;
            CREATE TRIGGER skills_search_update AFTER UPDATE ON skills
                REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION skills_search_renamed();

            SELECT refresh_expert_search_documents(ARRAY(SELECT id FROM experts));
            """);

        // Ratings: only a completed plan can be rated, by its own company about its own expert (search shows ratings of
        // completed plans only); a rating is given once and never changed; expert_rating_summaries is their sum per
        // expert, written only by the trigger that adds each new rating in the same statement.
        migrationBuilder.Sql("""
            CREATE FUNCTION plan_ratings_check() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM support_plans p WHERE p.id = NEW.plan_id AND p.status = 'Completed'
                               AND p.company_id = NEW.company_id AND p.expert_id = NEW.expert_id) THEN
                    RAISE EXCEPTION 'plan % is not a completed plan of this company and expert', NEW.plan_id USING ERRCODE = 'check_violation';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER plan_ratings_completed_only BEFORE INSERT ON plan_ratings FOR EACH ROW EXECUTE FUNCTION plan_ratings_check();

            CREATE FUNCTION plan_ratings_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'a rating is given once and never changed: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
            END $$;
            CREATE TRIGGER plan_ratings_immutable BEFORE UPDATE OR DELETE ON plan_ratings FOR EACH ROW EXECUTE FUNCTION plan_ratings_forbid_change();
            CREATE TRIGGER plan_ratings_no_truncate BEFORE TRUNCATE ON plan_ratings FOR EACH STATEMENT EXECUTE FUNCTION plan_ratings_forbid_change();

            CREATE FUNCTION plan_ratings_summarise() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO expert_rating_summaries AS s (expert_id, rating_count, rating_total)
                SELECT expert_id, count(*), sum(stars) FROM new_rows GROUP BY expert_id
                ON CONFLICT (expert_id) DO UPDATE
                    SET rating_count = s.rating_count + EXCLUDED.rating_count, rating_total = s.rating_total + EXCLUDED.rating_total;
                RETURN NULL;
            END $$;
            CREATE TRIGGER plan_ratings_summary AFTER INSERT ON plan_ratings
                REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_ratings_summarise();

            CREATE FUNCTION expert_rating_summaries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF pg_trigger_depth() < 2 THEN
                    RAISE EXCEPTION 'expert_rating_summaries changes only through plan_ratings' USING ERRCODE = 'restrict_violation';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER expert_rating_summaries_from_ratings_only BEFORE INSERT OR UPDATE ON expert_rating_summaries
                FOR EACH ROW EXECUTE FUNCTION expert_rating_summaries_guard();
            """);
    }

    public static void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP TRIGGER IF EXISTS experts_search_insert ON experts;
            DROP TRIGGER IF EXISTS experts_search_update ON experts;
            DROP TRIGGER IF EXISTS expert_skills_search_insert ON expert_skills;
            DROP TRIGGER IF EXISTS expert_skills_search_update ON expert_skills;
            DROP TRIGGER IF EXISTS expert_skills_search_delete ON expert_skills;
            DROP TRIGGER IF EXISTS skills_search_update ON skills;
            DROP TRIGGER IF EXISTS plan_ratings_completed_only ON plan_ratings;
            DROP TRIGGER IF EXISTS plan_ratings_immutable ON plan_ratings;
            DROP TRIGGER IF EXISTS plan_ratings_no_truncate ON plan_ratings;
            DROP TRIGGER IF EXISTS plan_ratings_summary ON plan_ratings;
            DROP TRIGGER IF EXISTS expert_rating_summaries_from_ratings_only ON expert_rating_summaries;
            DROP FUNCTION IF EXISTS experts_search_inserted(), experts_search_updated(), expert_skills_search_added(),
                expert_skills_search_removed(), skills_search_renamed(), refresh_expert_search_documents(uuid[]),
                search_patterns(text[]), search_bigrams(text[]), search_bigrams(text), search_bigram_code(text), search_fold(text),
                plan_ratings_check(), plan_ratings_forbid_change(), plan_ratings_summarise(), expert_rating_summaries_guard();
            """);
}
