using System.Text.Json.Nodes;

namespace ExpertSupport.IntegrationTests.Fuzzing;

/// <summary>
/// What an attacker or a broken client sends. Lone surrogates cannot be written by a JSON writer or percent-encoded as
/// UTF-8, so they travel as markers that the request builder turns into the raw escape (\ud800) or raw bytes (%ED%A0%80).
/// </summary>
public static class HostileValues
{
    public const string LoneHigh = "~~LONE_HIGH~~";
    public const string LoneLow = "~~LONE_LOW~~";

    public static readonly string[] Texts =
    [
        "\0", "a\0b", "名前\0", LoneHigh, "x" + LoneLow + "y", new string('x', 10_000), new string('あ', 10_000), new string('x', 10_001),
        "", " ", "\u0001\u001f", "\r\n\t", "'; DROP TABLE users; --", "%", "_", "\\", "😀", "<script>alert(1)</script>",
    ];

    public static readonly string[] Dates = ["0001-01-01", "9999-12-31", "1999-12-31", "2101-01-01", "2026-02-30", "0000-00-00", "-1"];

    public static readonly string[] DateTimes =
    [
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+09:00", "9999-12-31T23:59:59.9999999-14:00",
        "1999-12-31T15:00:00Z", "2101-01-01T00:00:00+09:00", "2026-13-01T00:00:00Z", "2026-11-20",
    ];

    /// <summary>Integer limits as query text (and JSON numbers): int and long at both ends, one past long, and non-integers.</summary>
    public static readonly string[] Integers =
    [
        "2147483647", "-2147483648", "2147483648", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "-1", "0", "1.5", "1e30", "99999999999999999999999999",
    ];

    public static readonly string[] Uuids = ["00000000-0000-0000-0000-000000000000", "not-a-uuid", "0", "ffffffff-ffff-ffff-ffff-ffffffffffff"];

    public static readonly string[] EnumWords = ["NotAValue", "999", "-1", "", "0x10"];

    /// <summary>The wrong JSON type anywhere: a body field that is not what its schema says.</summary>
    public static JsonNode?[] WrongTypes() =>
        [JsonValue.Create(true), JsonValue.Create(12345), JsonValue.Create("x"), new JsonObject(), new JsonArray(), null, JsonValue.Create(1e30),
         JsonValue.Create("\0"), new JsonArray((JsonNode?)null, null)];

    public static JsonNode? Number(string text) =>
        text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.Ordinal) ? JsonValue.Create(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture))
        : decimal.TryParse(text, out var d) ? JsonValue.Create(d)
        : JsonValue.Create(text);
}
