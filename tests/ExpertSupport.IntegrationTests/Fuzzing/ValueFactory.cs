using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ExpertSupport.IntegrationTests.Fuzzing;

/// <summary>A place in a generated body that a mutation may overwrite: a property, an array item, or an array to add a null to.</summary>
public sealed record Slot(IOpenApiSchema? Schema, string Name, Action<JsonNode?> Set, JsonArray? Array);

/// <summary>
/// Values from schemas: plausible ones (so a request gets past the obvious checks and deep into a use case) and hostile
/// ones for one place at a time. Plausible ids come from the <see cref="IdPool"/>.
/// </summary>
public sealed class ValueFactory(Random random, IdPool ids, string role, string path)
{
    private static readonly DateTime Today = DateTime.UtcNow.Date;

    public JsonNode? Plausible(IOpenApiSchema? schema, string name, List<Slot> slots, int depth = 0)
    {
        var kind = Schemas.KindOf(schema);
        switch (kind)
        {
            case ValueKind.Object:
                var obj = new JsonObject();
                if (depth > 5) return obj;
                foreach (var (property, propertySchema) in Schemas.Properties(schema))
                {
                    var value = Plausible(propertySchema, property, slots, depth + 1);
                    obj[property] = value;
                    slots.Add(new Slot(propertySchema, property, v => obj[property] = v, value as JsonArray));
                }
                return obj;
            case ValueKind.Array:
                var array = new JsonArray();
                if (depth > 5) return array;
                var items = Schemas.Items(schema);
                for (var i = 0; i < random.Next(1, 3); i++)
                {
                    var index = i;
                    array.Add(Plausible(items, name, slots, depth + 1));
                    slots.Add(new Slot(items, $"{name}[{index}]", v => array[index] = v, null));
                }
                return array;
            default:
                var text = PlausibleText(schema, name);
                return text is null ? null
                    : kind is ValueKind.Integer or ValueKind.Number && long.TryParse(text, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number)
                    : kind == ValueKind.Boolean && bool.TryParse(text, out var flag) ? JsonValue.Create(flag)
                    : JsonValue.Create(text);
        }
    }

    /// <summary>A plausible scalar as text (query, route, header, form field): the document's example when it has one.</summary>
    public string? PlausibleText(IOpenApiSchema? schema, string name) =>
        Schemas.KindOf(schema) is not (ValueKind.Uuid or ValueKind.Date or ValueKind.DateTime)
        && (Schemas.Effective(schema)?.Examples?.FirstOrDefault() ?? Schemas.Effective(schema)?.Default) is JsonValue example && random.Next(2) == 0
            ? example.ToString()
            : Invented(schema, name);

    private string? Invented(IOpenApiSchema? schema, string name) => Schemas.KindOf(schema) switch
    {
        ValueKind.Uuid => ids.Pick(name, path, role, random) ?? SeededGuid().ToString(),
        ValueKind.Date => DateOnly.FromDateTime(Today.AddDays(random.Next(-40, 60))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ValueKind.DateTime => new DateTimeOffset(Today.AddDays(random.Next(-40, 60)).AddHours(random.Next(0, 24)), TimeSpan.Zero).ToString("o", CultureInfo.InvariantCulture),
        ValueKind.Integer or ValueKind.Number => Pick("0", "1", "2", "13", "30", "60", "90", "500", "5000", "100000"),
        ValueKind.Boolean => Pick("true", "false"),
        ValueKind.Enum => Schemas.EnumValues(schema) is { Count: > 0 } names ? names[random.Next(names.Count)] : null,
        ValueKind.Binary => null,
        _ => name.Contains("mail", StringComparison.OrdinalIgnoreCase) ? $"fuzz{random.Next(1000)}@example.jp"
            : name.Contains("link", StringComparison.OrdinalIgnoreCase) || name.Contains("url", StringComparison.OrdinalIgnoreCase) ? "https://example.jp/evidence"
            : name is "start" or "end" ? Pick("09:00", "10:30", "18:00", "24:00")
            : Pick("テスト", "ファズの入力です。業務の効率化について相談したい内容を五十文字以上の長さで書いておきます。これで要件を満たします。", "A1", "IT導入"),
    };

    /// <summary>A hostile JSON value for a place of this schema, or now and then a value of the wrong type.</summary>
    public JsonNode? Hostile(IOpenApiSchema? schema)
    {
        if (random.Next(4) == 0) return Pick(HostileValues.WrongTypes());
        return Schemas.KindOf(schema) switch
        {
            ValueKind.Integer or ValueKind.Number => HostileValues.Number(Pick(HostileValues.Integers)),
            ValueKind.Boolean => Pick<JsonNode?>(JsonValue.Create("true"), JsonValue.Create(0), null),
            ValueKind.Array => Pick<JsonNode?>(new JsonArray((JsonNode?)null), new JsonArray(JsonValue.Create("x"), null), JsonValue.Create("not an array"),
                new JsonArray([.. Enumerable.Range(0, 1_001).Select(i => (JsonNode?)JsonValue.Create(i))])),
            ValueKind.Object => Pick<JsonNode?>(null, new JsonArray(), JsonValue.Create("x"), new JsonObject()),
            var kind => JsonValue.Create(HostileText(kind)),
        };
    }

    /// <summary>A hostile value as text, for a query, route, header or form field.</summary>
    public string HostileText(IOpenApiSchema? schema) => HostileText(Schemas.KindOf(schema));

    private string HostileText(ValueKind kind) => random.Next(5) == 0
        ? Pick(HostileValues.Texts)
        : kind switch
        {
            ValueKind.Date => Pick(HostileValues.Dates),
            ValueKind.DateTime => Pick(HostileValues.DateTimes),
            ValueKind.Integer or ValueKind.Number => Pick(HostileValues.Integers),
            ValueKind.Uuid => Pick(HostileValues.Uuids),
            ValueKind.Enum or ValueKind.Boolean => Pick(HostileValues.EnumWords),
            _ => Pick(HostileValues.Texts),
        };

    private T Pick<T>(params T[] values) => values[random.Next(values.Length)];

    /// <summary>An unknown id from the seed, not Guid.NewGuid(), so that a run can be repeated.</summary>
    private Guid SeededGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
