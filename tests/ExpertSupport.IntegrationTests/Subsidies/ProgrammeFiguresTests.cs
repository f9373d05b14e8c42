using System.Text.RegularExpressions;
using ExpertSupport.Testing;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Subsidies;

/// <summary>
/// The round is the only rule: the programme's yen figures (¥500 minimum, ¥3,500 ceiling, ¥300,000 and ¥1,500,000
/// caps) live in the round seed (<c>ProgrammeRoundSettings</c>) and in the round rows the office edits — never in the
/// schema, a validator, an error or a message, where a round that says otherwise would meet a database error or a wrong
/// text. Historic migrations may name them (they are history); the migrated schema may not.
/// </summary>
public sealed partial class ProgrammeFiguresTests(SharedAppFixture fixture)
{
    private TestApp App => fixture.App;

    /// <summary>A figure as SQL or C# may write it: 500, 3500, 3_500, 3,500, 300000, 1_500_000 …, not part of a longer number.</summary>
    [GeneratedRegex(@"(?<![\d_.,])(3[_,]?500|300[_,]?000|1[_,]?500[_,]?000)(?![\d_,]*\d)")]
    private static partial Regex BigFigure();

    [GeneratedRegex(@"(?<![\d_.,])500(?![\d_,]*\d)")]
    private static partial Regex FiveHundred();

    /// <summary>500 is also a page size or a text length; it is the programme's minimum only where money is spoken of.</summary>
    [GeneratedRegex(@"fee|yen|Yen|円|¥|Minimum|minimum|hourly|Hourly|subsid|Subsid")]
    private static partial Regex MoneyWords();

    [Fact]
    public async Task No_programme_yen_figure_is_in_a_check_constraint_function_trigger_or_view_of_the_migrated_schema()
    {
        var definitions = await App.Db(db => db.Database.SqlQueryRaw<string>("""
            SELECT 'constraint ' || conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid) AS "Value"
            FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace
            UNION ALL
            SELECT 'function ' || p.proname || ': ' || p.prosrc FROM pg_proc p
            WHERE p.pronamespace = 'public'::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
            UNION ALL
            SELECT 'view ' || viewname || ': ' || definition FROM pg_views WHERE schemaname = 'public'
            UNION ALL
            SELECT 'default ' || adrelid::regclass || ': ' || pg_get_expr(adbin, adrelid) FROM pg_attrdef
            """).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Contains(definitions, d => d.StartsWith("constraint bookings.ck_bookings_money", StringComparison.Ordinal));
        Assert.Contains(definitions, d => d.StartsWith("view caps_left", StringComparison.Ordinal));
        Assert.DoesNotContain(definitions, d => BigFigure().IsMatch(d) || FiveHundred().IsMatch(d));
    }

    [Fact]
    public void No_programme_yen_figure_is_in_a_mapping_validator_error_raw_SQL_or_message_outside_the_round_seed()
    {
        var root = RepositoryPaths.Root();
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "ProgrammeRoundSettings.cs")
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("AbstractValidator", StringComparison.Ordinal)
                || text.Contains("HasCheckConstraint", StringComparison.Ordinal) || f.EndsWith("Errors.cs", StringComparison.Ordinal)
                || f.EndsWith("Sql.cs", StringComparison.Ordinal)))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "migrations"), "*Sql.cs"))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src"), "*.resx", SearchOption.AllDirectories))
            .ToList();
        Assert.Contains(sources, f => f.EndsWith("SaveExpertProfile.cs", StringComparison.Ordinal));
        Assert.Contains(sources, f => f.EndsWith("RoundIsTheRuleSql.cs", StringComparison.Ordinal));

        var found = (from file in sources
                     from line in File.ReadLines(file).Select((text, i) => (Text: text, Number: i + 1))
                     where BigFigure().IsMatch(line.Text) || (FiveHundred().IsMatch(line.Text) && MoneyWords().IsMatch(line.Text))
                     select $"{Path.GetRelativePath(root, file)}:{line.Number}: {line.Text.Trim()}").ToList();

        Assert.Empty(found);
    }
}
