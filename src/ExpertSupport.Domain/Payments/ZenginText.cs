using System.Text;

namespace ExpertSupport.Domain.Payments;

/// <summary>
/// The character set of a Zengin (全銀協) transfer record: half-width digits, upper-case letters, half-width
/// katakana with ﾞ/ﾟ, and a few symbols. Names typed by people (full-width kana, hiragana, small kana,
/// lower case, ー) are normalised into it; anything that cannot be is refused, never silently dropped.
/// </summary>
public static class ZenginText
{
    /// <summary>Symbols every bank accepts in a payee name: space ( ) . - /</summary>
    private const string Symbols = " ().-/";

    private static readonly Dictionary<char, string> FullToHalfKana = BuildKanaMap();

    /// <summary>True when every character is in the Zengin set (after normalisation nothing else may remain).</summary>
    public static bool IsValid(string? text) =>
        !string.IsNullOrEmpty(text) && text.All(IsZenginChar);

    public static bool IsZenginChar(char c) =>
        c is >= '0' and <= '9' or >= 'A' and <= 'Z'
        || c is >= '\uFF66' and <= '\uFF9F' && !IsSmallHalfWidthKana(c) && c != '\uFF70'
        || Symbols.Contains(c);

    /// <summary>
    /// Full-width → half-width, hiragana → katakana, small kana → large (ｯ → ﾂ), lower → upper case,
    /// long vowel ー → -, and runs of spaces collapsed. The result may still contain invalid characters
    /// (kanji, for example); check it with <see cref="IsValid"/>.
    /// </summary>
    public static string Normalize(string input)
    {
        var sb = new StringBuilder(input.Length);
        foreach (var raw in input.Trim())
        {
            var c = raw;
            if (c is >= '\u3041' and <= '\u3096') c = (char)(c + 0x60); // hiragana → katakana
            if (FullToHalfKana.TryGetValue(c, out var half))
            {
                sb.Append(half);
                continue;
            }
            c = c switch
            {
                '\u3000' => ' ',
                'ー' or '－' or '―' or '‐' or '\u2212' or '\uFF70' => '-',
                '（' => '(',
                '）' => ')',
                '．' => '.',
                '／' => '/',
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0), // full-width ASCII
                _ => c,
            };
            if (c is >= 'a' and <= 'z') c = char.ToUpperInvariant(c);
            if (IsSmallHalfWidthKana(c)) c = LargeOf(c);
            if (c == ' ' && sb.Length > 0 && sb[^1] == ' ') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Normalises and checks in one go: the Zengin form, or null when it cannot be expressed.</summary>
    public static string? TryNormalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var normalized = Normalize(input);
        return IsValid(normalized) ? normalized : null;
    }

    private static bool IsSmallHalfWidthKana(char c) => c is >= '\uFF67' and <= '\uFF6F';

    private static char LargeOf(char small) => small switch
    {
        'ｧ' => 'ｱ', 'ｨ' => 'ｲ', 'ｩ' => 'ｳ', 'ｪ' => 'ｴ', 'ｫ' => 'ｵ',
        'ｬ' => 'ﾔ', 'ｭ' => 'ﾕ', 'ｮ' => 'ﾖ', 'ｯ' => 'ﾂ',
        _ => small,
    };

    private static Dictionary<char, string> BuildKanaMap()
    {
        const string full = "ァアィイゥウェエォオカキクケコサシスセソタチッツテトナニヌネノハヒフヘホマミムメモャヤュユョヨラリルレロワヲンヴ";
        const string half = "ｱｱｲｲｳｳｴｴｵｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾔﾕﾕﾖﾖﾗﾘﾙﾚﾛﾜｦﾝ";
        var map = new Dictionary<char, string>();
        for (var i = 0; i < full.Length - 1; i++) map[full[i]] = half[i].ToString();
        map['ヴ'] = "ｳﾞ";
        const string voiced = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
        const string voicedBase = "ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ";
        for (var i = 0; i < voiced.Length; i++) map[voiced[i]] = voicedBase[i] + "ﾞ";
        const string semi = "パピプペポ";
        for (var i = 0; i < semi.Length; i++) map[semi[i]] = "ﾊﾋﾌﾍﾎ"[i] + "ﾟ";
        map['ヮ'] = "ﾜ";
        map['ヰ'] = "ｲ";
        map['ヱ'] = "ｴ";
        map['゛'] = "ﾞ";
        map['゜'] = "ﾟ";
        return map;
    }
}
