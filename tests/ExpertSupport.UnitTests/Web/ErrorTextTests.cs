using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Claims;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Reports;
using ExpertSupport.Domain.Reference;
using ExpertSupport.Web;
using ExpertSupport.Web.Localization;

namespace ExpertSupport.UnitTests.Web;

/// <summary>
/// Every error code used anywhere has a Japanese and an English text, and every text belongs to a code in use. Codes are
/// collected twice, so that neither way alone decides: by reflection (every static Error or Phrase of the domain, the use
/// cases and the web edge, and what their static factories return) and by reading the sources for code literals.
/// </summary>
public sealed partial class ErrorTextTests
{
    private static readonly CultureInfo Ja = CultureInfo.GetCultureInfo("ja-JP");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Every_error_code_has_a_Japanese_and_an_English_text()
    {
        var codes = CodesInSources().Union(CodesByReflection()).ToHashSet();

        var missing = codes.Order(StringComparer.Ordinal)
            .SelectMany(c => new[] { (Code: c, Language: "ja", Text: ErrorText.Exact(c, Ja)), (Code: c, Language: "en", Text: ErrorText.Exact(c, En)) })
            .Where(t => string.IsNullOrWhiteSpace(t.Text))
            .Select(t => $"{t.Code} ({t.Language})")
            .ToList();

        Assert.True(codes.Count > 300, $"Only {codes.Count} codes found: the collection is broken.");
        Assert.True(missing.Count == 0, "Add the text (python3 tools/errors.py add code '日本語' 'English'):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_text_belongs_to_a_code_in_use()
    {
        var codes = CodesInSources().ToHashSet();

        var unused = Keys("Errors.resx").Union(Keys("Errors.en.resx")).Where(k => !codes.Contains(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(unused.Count == 0, "Texts whose code appears nowhere in src/ (remove them, or write the code as a literal):\n" + string.Join("\n", unused));
    }

    [Fact]
    public void The_reflected_codes_are_all_found_in_the_sources_too()
    {
        var notFound = CodesByReflection().Except(CodesInSources()).Order(StringComparer.Ordinal).ToList();

        Assert.True(notFound.Count == 0, "Codes built in a way the source scan does not see:\n" + string.Join("\n", notFound));
    }

    [Fact]
    public void Codes_are_written_as_literals_so_that_they_can_be_found()
    {
        var dynamic = SourceFiles()
            .Where(f => !f.EndsWith($"Common{Path.DirectorySeparatorChar}Result.cs", StringComparison.Ordinal))
            .SelectMany(f => NonLiteralCode().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();

        Assert.True(dynamic.Count == 0, "An error or phrase whose code is not a string literal:\n" + string.Join("\n", dynamic));
    }

    [Fact]
    public void Japanese_and_English_texts_take_the_same_arguments()
    {
        var ja = Texts("Errors.resx");
        var en = Texts("Errors.en.resx");

        var different = ja.Keys.Where(en.ContainsKey)
            .Where(k => !Placeholders(ja[k]).SetEquals(Placeholders(en[k])))
            .Select(k => $"{k}: {ja[k]} / {en[k]}")
            .ToList();

        Assert.True(different.Count == 0, string.Join("\n", different));
    }

    [Fact]
    public void Arguments_are_written_the_way_each_language_writes_them()
    {
        var changed = BookingErrors.SubsidyLowerThanAccepted(new Yen(2_000), new Yen(3_500));
        Assert.Equal("補助の上限の残りが減ったため、国の補助は¥2,000になります（同意いただいた額は¥3,500）。新しい金額をご確認ください。", ErrorText.Render(changed, Ja));
        Assert.Equal("The subsidy caps left have shrunk, so the state's subsidy is now ¥2,000 (you agreed to ¥3,500). Please check the new amount.", ErrorText.Render(changed, En));

        // "{0:N0}円" with an amount of yen writes the number alone, not "¥300円".
        var below = ExpertErrors.FeeBelowMinimum(new Yen(300));
        Assert.StartsWith("時間単価は300円以上に", ErrorText.Render(below, Ja), StringComparison.Ordinal);
        Assert.StartsWith("The hourly fee must be at least ¥300 ", ErrorText.Render(below, En), StringComparison.Ordinal);

        var ended = PlanErrors.NotEndedYet(new DateOnly(2026, 11, 24));
        Assert.Contains("2026年11月24日", ErrorText.Render(ended, Ja), StringComparison.Ordinal);
        Assert.Contains("24 Nov 2026", ErrorText.Render(ended, En), StringComparison.Ordinal);

        Assert.Equal("月曜日: 時間帯が重なっています。", ErrorText.Render(AvailabilityErrors.RangesOverlap(DayOfWeek.Monday), Ja));
        Assert.Equal("Monday: the time ranges overlap.", ErrorText.Render(AvailabilityErrors.RangesOverlap(DayOfWeek.Monday), En));

        var noMode = PlanErrors.NoServiceMode(Prefectures.Find(27));
        Assert.Contains("大阪府", ErrorText.Render(noMode, Ja), StringComparison.Ordinal);
        Assert.Contains("does not visit Osaka", ErrorText.Render(noMode, En), StringComparison.Ordinal);

        Assert.Equal("時間は1時間から1.5時間までの30分単位で選んでください。", ErrorText.Render(BookingErrors.Duration(60, 90, 30), Ja));
    }

    [Fact]
    public void Phrases_and_errors_inside_an_error_are_rendered_in_place()
    {
        var missing = ClaimExportErrors.NoBankAccount(["山田", "鈴木"]);
        Assert.Contains("（2名: 山田、鈴木）", ErrorText.Render(missing, Ja), StringComparison.Ordinal);
        Assert.Contains("(2: 山田, 鈴木)", ErrorText.Render(missing, En), StringComparison.Ordinal);

        var header = ClaimExportErrors.OfficeAccount(EvidenceErrors.Empty(null));
        Assert.Equal("事務局の口座設定（Payments）: 「（名前のないファイル）」は空のファイルです。", ErrorText.Render(header, Ja));
        Assert.Equal("The office's account settings (Payments): \"(file without a name)\" is an empty file.", ErrorText.Render(header, En));
    }

    [Fact]
    public void At_the_web_edge_an_error_s_message_is_its_text_in_the_current_language()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = En;
            Assert.Equal("The booking was not found.", BookingErrors.NotFound.Message);
            CultureInfo.CurrentUICulture = Ja;
            Assert.Equal("予約が見つかりません。", BookingErrors.NotFound.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static IEnumerable<string> CodesInSources() =>
        SourceFiles().SelectMany(f => CodeLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct();

    private static IEnumerable<string> SourceFiles()
    {
        var src = Path.Combine(TranslationTests.RepositoryRoot(), "src");
        var sep = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal));
    }

    /// <summary>Static Error and Phrase fields and properties, and what static methods returning one give for plain arguments.</summary>
    private static IEnumerable<string> CodesByReflection()
    {
        Assembly[] assemblies = [typeof(Error).Assembly, typeof(GetBookingSlotsQuery).Assembly, typeof(ErrorText).Assembly];
        const BindingFlags statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var found = new List<object?>();
        // Error's and Phrase's own factories take the code as an argument: they make no code of their own.
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => !t.ContainsGenericParameters && !IsText(t)))
        {
            found.AddRange(type.GetFields(statics).Where(f => IsText(f.FieldType)).Select(f => f.GetValue(null)));
            found.AddRange(type.GetProperties(statics).Where(p => IsText(p.PropertyType) && p.GetIndexParameters().Length == 0).Select(p => p.GetValue(null)));
            foreach (var method in type.GetMethods(statics).Where(m => IsText(m.ReturnType) && !m.IsGenericMethodDefinition && !m.IsSpecialName))
            {
                if (PlainArguments(method) is { } arguments) found.Add(method.Invoke(null, arguments));
            }
        }
        return found.SelectMany(Codes).Distinct();
    }

    private static bool IsText(Type type) => type == typeof(Error) || type == typeof(Phrase);

    private static IEnumerable<string> Codes(object? value) => value switch
    {
        Error e => e.Args.SelectMany(Codes).Prepend(e.Code),
        Phrase p => p.Args.SelectMany(Codes).Prepend(p.Key),
        IEnumerable<object?> items => items.SelectMany(Codes),
        _ => [],
    };

    private static object?[]? PlainArguments(MethodInfo method)
    {
        var parameters = method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = parameters[i].ParameterType;
            arguments[i] = type == typeof(string) ? "x"
                : type == typeof(Error) ? BookingErrors.NotFound
                : type == typeof(Phrase) ? new Phrase("zengin.space")
                : type.IsAssignableFrom(typeof(List<string>)) ? new List<string> { "x" }
                : type.IsArray ? Array.CreateInstance(type.GetElementType()!, 0)
                : type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type)
                : null;
            if (type.IsByRef || type.IsPointer) return null;
        }
        try
        {
            method.Invoke(null, arguments);
            return arguments;
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private static HashSet<string> Keys(string file) => [.. Texts(file).Keys];

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(TranslationTests.RepositoryRoot(), "src", "ExpertSupport.Web", "Resources", file)).Root!
            .Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    /// <summary>Keep in step with tools/errors.py: factories, new Error/Phrase, a validator's WithError(new(…)), a declaration `Error X = new("…")`.</summary>
    [GeneratedRegex(@"(?:Error\.(?:Invalid|Conflict|NotFound|Forbidden)\(|new\s+(?:Error|Phrase)\(|WithError\(\s*new\(|(?:Error|Phrase)\??\s+\w+\s*(?:=>?)\s*new\()\s*""([a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)*)""")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex(@"(?:Error\.(?:Invalid|Conflict|NotFound|Forbidden)\(|new\s+(?:Error|Phrase)\(|WithError\(\s*new\()(?>\s*)(?!"")")]
    private static partial Regex NonLiteralCode();

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();
}
