using System.Text;

namespace ExpertSupport.Application.Calendar;

/// <summary>
/// RFC 5545 content lines: TEXT escaping (\\ \; \, \n), parameter quoting, and folding at 75 octets with CRLF and a
/// leading space, never inside a UTF-8 character (a Japanese character is 3 octets, an emoji 4).
/// </summary>
internal sealed class ContentLines
{
    private const int MaxOctets = 75;
    private readonly StringBuilder _out = new();

    public override string ToString() => _out.ToString();

    public void Clear() => _out.Clear();

    /// <summary>Adds one property line as is (the value already escaped), folded.</summary>
    public ContentLines Line(string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                _out.Append("\r\n ");
                octets = 1; // the leading space of a continuation line counts
            }
            _out.Append(rune.ToString());
            octets += size;
        }
        _out.Append("\r\n");
        return this;
    }

    /// <summary>A property with a TEXT value: NAME:escaped value.</summary>
    public ContentLines Text(string name, string? value) => value is null ? this : Line($"{name}:{EscapeText(value)}");

    public static string EscapeText(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case ';': sb.Append(@"\;"); break;
                case ',': sb.Append(@"\,"); break;
                case '\r':
                    if (i + 1 < value.Length && value[i + 1] == '\n') i++;
                    sb.Append(@"\n");
                    break;
                case '\n': sb.Append(@"\n"); break;
                case '\t': sb.Append(c); break;
                case < ' ' or '\u007F': break; // control characters are not allowed in content lines
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A parameter value (e.g. CN): quoted when it holds ; : or ,, with DQUOTE and control characters dropped.</summary>
    public static string ParamValue(string value)
    {
        var clean = new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray()).Trim();
        return clean.AsSpan().IndexOfAny(";:,") >= 0 || clean.Contains(' ', StringComparison.Ordinal) ? $"\"{clean}\"" : clean;
    }

    /// <summary>A mailto: URI for an address, refusing anything that could break the line or the URI.</summary>
    public static string Mailto(string email)
    {
        var trimmed = email.Trim();
        if (trimmed.Length == 0 || !trimmed.Contains('@', StringComparison.Ordinal)
            || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '<' or '>' or ','))
            throw new ArgumentException($"'{email}' is not an e-mail address a calendar invitation can carry.", nameof(email));
        return "mailto:" + trimmed;
    }
}
