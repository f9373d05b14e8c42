namespace ExpertSupport.Domain.Reference;

/// <summary>Languages an expert can support a company in (ISO 639-1 codes). Many SMEs have staff or owners from abroad.</summary>
public static class Languages
{
    public sealed record Language(string Code, string NameJa, string NameEn);

    public static readonly IReadOnlyList<Language> All =
    [
        new("ja", "日本語", "Japanese"),
        new("en", "英語", "English"),
        new("zh", "中国語", "Chinese"),
        new("ko", "韓国語", "Korean"),
        new("vi", "ベトナム語", "Vietnamese"),
        new("pt", "ポルトガル語", "Portuguese"),
        new("es", "スペイン語", "Spanish"),
        new("tl", "フィリピノ語", "Filipino"),
        new("ne", "ネパール語", "Nepali"),
        new("id", "インドネシア語", "Indonesian"),
        new("th", "タイ語", "Thai"),
        new("fr", "フランス語", "French"),
        new("de", "ドイツ語", "German"),
    ];

    public static bool IsKnown(string? code) => code is not null && All.Any(l => l.Code == code);

    public static string NameOf(string code) => All.FirstOrDefault(l => l.Code == code)?.NameJa ?? code;
}
