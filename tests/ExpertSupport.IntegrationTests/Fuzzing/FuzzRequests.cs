using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ExpertSupport.IntegrationTests.Fuzzing;

/// <summary>One request as sent, described well enough to read in a failure report.</summary>
public sealed record FuzzRequest(HttpMethod Method, string Url, Func<HttpContent?> Content, string BodyText, IReadOnlyDictionary<string, string> Headers)
{
    public override string ToString() =>
        $"{Method} {Shorten(Url)}{(BodyText.Length > 0 ? " body " + Shorten(BodyText) : "")}{string.Concat(Headers.Select(h => $" [{h.Key}: {Shorten(h.Value)}]"))}";

    private static string Shorten(string text) => text.Length <= 240 ? text : $"{text[..200]}…({text.Length} chars)";
}

/// <summary>
/// Builds one case for an operation: plausible values everywhere, then one to three places made hostile (a parameter,
/// a body field, a null pushed into a list, a required parameter left out), or now and then the whole body replaced.
/// </summary>
public static class FuzzRequests
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] WholeBodies =
    [
        "", "null", "{}", "[]", "\"x\"", "123", "{", "{\"a\":", "[" + new string('[', 200) + new string(']', 201), "{\"\\u0000\":1}",
    ];

    public static FuzzRequest Build(FuzzOperation operation, ValueFactory values, Random random)
    {
        var parameters = operation.Parameters.ToDictionary(p => p, p => p.Required || random.Next(2) == 0 ? values.PlausibleText(p.Schema, p.Name) : null);
        var slots = new List<Slot>();
        var isForm = operation.Body?.MediaType.Contains("form", StringComparison.OrdinalIgnoreCase) == true;
        var body = operation.Body is null ? null : values.Plausible(operation.Body.Schema, "", slots);
        string? wholeBody = null;

        var style = random.Next(10);
        if (style == 0)
        {
            // All plausible: the happy path must not fail either.
        }
        else if (style == 1 && operation.Body is not null && !isForm)
        {
            wholeBody = WholeBodies[random.Next(WholeBodies.Length)];
        }
        else
        {
            var targets = operation.Parameters.Count + slots.Count;
            for (int i = 0, n = random.Next(1, 4); i < n && targets > 0; i++)
            {
                var target = random.Next(targets);
                if (target < operation.Parameters.Count)
                {
                    // A bad id in the path only ever meets the route constraint or a 404: mostly keep the real one.
                    var parameter = operation.Parameters[target];
                    if (parameter.Location == ParameterLocation.Path && random.Next(3) > 0) continue;
                    parameters[parameter] = random.Next(8) == 0 ? null : values.HostileText(parameter.Schema);
                    continue;
                }
                var slot = slots[target - operation.Parameters.Count];
                if (slot.Array is not null && random.Next(2) == 0) slot.Array.Add(null);
                else slot.Set(values.Hostile(slot.Schema));
            }
        }

        var url = new StringBuilder(operation.Path);
        var query = new List<string>();
        var headers = new Dictionary<string, string>();
        foreach (var (parameter, value) in parameters)
        {
            switch (parameter.Location)
            {
                case ParameterLocation.Path:
                    // A NUL in a path never reaches the app: Kestrel answers 400 itself (the test server throws), so
                    // the route value gets the literal text "%00" instead.
                    url.Replace("{" + parameter.Name + "}", value is null || value.Length == 0 ? "%20" : Escape(value.Replace("\0", "%00", StringComparison.Ordinal)));
                    break;
                case ParameterLocation.Query when value is not null:
                    query.Add($"{Uri.EscapeDataString(parameter.Name)}={Escape(value)}");
                    break;
                case ParameterLocation.Header when value is not null && value.All(c => c is >= ' ' and <= '~'):
                    headers[parameter.Name] = value;
                    break;
            }
        }
        if (query.Count > 0) url.Append('?').AppendJoin('&', query);

        if (operation.Body is null) return new FuzzRequest(operation.Method, url.ToString(), () => null, "", headers);
        if (isForm) return FormRequest(operation, url.ToString(), body, headers);

        var text = wholeBody ?? Unmark(body?.ToJsonString(Json) ?? "null");
        var mediaType = random.Next(20) == 0 ? "text/plain" : "application/json";
        return new FuzzRequest(operation.Method, url.ToString(),
            () => text.Length == 0 && wholeBody is not null ? null : new StringContent(text, Encoding.UTF8, mediaType), text, headers);
    }

    /// <summary>A multipart form from the generated object: each scalar a field, each list item a repeated field, binary a small file.</summary>
    private static FuzzRequest FormRequest(FuzzOperation operation, string url, JsonNode? body, Dictionary<string, string> headers)
    {
        var fields = new List<(string Name, string? Value)>();
        if (body is JsonObject obj)
        {
            foreach (var (name, value) in obj)
            {
                if (value is JsonArray items) fields.AddRange(items.Select(item => (name, item is JsonValue v ? v.ToString() : item?.ToJsonString())));
                else fields.Add((name, value is JsonValue v ? v.ToString() : value?.ToJsonString()));
            }
        }
        var isFile = Schemas.Properties(operation.Body!.Schema).Where(p => Schemas.KindOf(p.Schema) is ValueKind.Array or ValueKind.Binary)
            .Select(p => p.Name).Where(n => n.Contains("file", StringComparison.OrdinalIgnoreCase)).ToHashSet();
        return new FuzzRequest(operation.Method, url, () =>
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in fields.Where(f => f.Value is not null && !isFile.Contains(f.Name)))
                form.Add(new ByteArrayContent(Utf8(value!)), name);
            foreach (var name in isFile)
                form.Add(new ByteArrayContent("%PDF-1.4\n%fuzz\n"u8.ToArray()), name, "evidence.pdf");
            return form;
        }, string.Join("&", fields.Select(f => $"{f.Name}={f.Value}")), headers);
    }

    /// <summary>Percent-encoding, except that a lone-surrogate marker becomes the raw UTF-8 bytes of a surrogate (invalid UTF-8).</summary>
    private static string Escape(string value) => Uri.EscapeDataString(value)
        .Replace(HostileValues.LoneHigh, "%ED%A0%80", StringComparison.Ordinal)
        .Replace(HostileValues.LoneLow, "%ED%B0%80", StringComparison.Ordinal);

    /// <summary>JSON text with each marker turned into the escape of a lone surrogate, which no JSON writer produces.</summary>
    private static string Unmark(string json) => json
        .Replace(HostileValues.LoneHigh, "\\ud800", StringComparison.Ordinal)
        .Replace(HostileValues.LoneLow, "\\udc00", StringComparison.Ordinal);

    /// <summary>A form field's bytes: UTF-8, with each marker as the raw (invalid) UTF-8 bytes of a lone surrogate.</summary>
    private static byte[] Utf8(string value)
    {
        var bytes = new List<byte>();
        foreach (var part in System.Text.RegularExpressions.Regex.Split(value, $"({HostileValues.LoneHigh}|{HostileValues.LoneLow})"))
        {
            if (part == HostileValues.LoneHigh) bytes.AddRange([0xED, 0xA0, 0x80]);
            else if (part == HostileValues.LoneLow) bytes.AddRange([0xED, 0xB0, 0x80]);
            else bytes.AddRange(Encoding.UTF8.GetBytes(part));
        }
        return [.. bytes];
    }
}
