using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ExpertSupport.UnitTests.Web;

/// <summary>Japanese is the key of every UI string; this keeps the English switch complete.</summary>
public sealed partial class TranslationTests
{
    [Fact]
    public void Every_UI_string_has_an_English_translation()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "ExpertSupport.Web");
        var resx = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx"));
        var translated = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

        var missing = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => UiKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(key => !translated.Contains(key))
            .Distinct()
            .Order()
            .ToList();

        Assert.True(missing.Count == 0, "Add English for (python3 tools/resx.py missing):\n" + string.Join("\n", missing));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ExpertSupport.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ExpertSupport.sln not found above the test output.");
    }

    [GeneratedRegex("""\b[lL]\["((?:[^"\\]|\\.)+)"\]""")]
    private static partial Regex UiKey();
}
