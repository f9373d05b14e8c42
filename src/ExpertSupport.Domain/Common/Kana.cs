using System.Text;

namespace ExpertSupport.Domain.Common;

/// <summary>
/// フリガナ as the programme files it: full-width katakana. Half-width katakana and hiragana typed by people are
/// converted; kanji and Latin letters are refused, because the reading is what the office sorts and searches by.
/// </summary>
public static class Kana
{
    /// <summary>Half-width → full-width (ｶﾌﾞ → カブ), hiragana → katakana, spaces trimmed and collapsed.</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return "";
        var sb = new StringBuilder(input.Length);
        foreach (var raw in input.Normalize(NormalizationForm.FormKC).Trim())
        {
            var c = raw;
            if (c is >= '\u3041' and <= '\u3096' or '\u309D' or '\u309E') c = (char)(c + 0x60);
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] == ' ') continue;
                c = ' ';
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>True when the text is full-width katakana, with ー, ・ and spaces allowed between words.</summary>
    public static bool IsKatakana(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && text.All(c => c is >= '\u30A1' and <= '\u30F6' or '\u30FC' or '\u30FB' or '\u30FD' or '\u30FE' or ' ');
}
