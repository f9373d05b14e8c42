using System.Text.Json;
using Microsoft.OpenApi;

namespace ExpertSupport.IntegrationTests.Fuzzing;

public enum ValueKind
{
    Text,
    Uuid,
    Date,
    DateTime,
    Integer,
    Number,
    Boolean,
    Enum,
    Array,
    Object,
    Binary,
}

/// <summary>What kind of value a schema asks for, seen through nullable unions (oneOf [null, X]) and references.</summary>
public static class Schemas
{
    public static IOpenApiSchema? Effective(IOpenApiSchema? schema)
    {
        for (var depth = 0; schema is not null && depth < 8; depth++)
        {
            var branches = schema.OneOf ?? schema.AnyOf ?? schema.AllOf;
            if (branches is not { Count: > 0 } || schema.Type is not null && schema.Type != JsonSchemaType.Null) return schema;
            schema = branches.FirstOrDefault(b => b.Type != JsonSchemaType.Null) ?? branches[0];
        }
        return schema;
    }

    public static ValueKind KindOf(IOpenApiSchema? schema)
    {
        schema = Effective(schema);
        if (schema is null) return ValueKind.Text;
        if (EnumValues(schema).Count > 0) return ValueKind.Enum;
        var type = schema.Type ?? (schema.Properties is { Count: > 0 } ? JsonSchemaType.Object : schema.Items is not null ? JsonSchemaType.Array : 0);
        if (type.HasFlag(JsonSchemaType.Array)) return ValueKind.Array;
        if (type.HasFlag(JsonSchemaType.Object)) return ValueKind.Object;
        if (type.HasFlag(JsonSchemaType.Integer)) return ValueKind.Integer;
        if (type.HasFlag(JsonSchemaType.Number)) return ValueKind.Number;
        if (type.HasFlag(JsonSchemaType.Boolean)) return ValueKind.Boolean;
        return schema.Format switch
        {
            "uuid" => ValueKind.Uuid,
            "date" => ValueKind.Date,
            "date-time" => ValueKind.DateTime,
            "binary" => ValueKind.Binary,
            _ => ValueKind.Text,
        };
    }

    public static IReadOnlyList<string> EnumValues(IOpenApiSchema? schema) =>
        [.. (Effective(schema)?.Enum ?? []).Where(n => n?.GetValueKind() == JsonValueKind.String).Select(n => n!.GetValue<string>())];

    public static IEnumerable<(string Name, IOpenApiSchema Schema)> Properties(IOpenApiSchema? schema)
    {
        schema = Effective(schema);
        var own = schema?.Properties ?? new Dictionary<string, IOpenApiSchema>();
        var inherited = schema?.AllOf?.SelectMany(s => Effective(s)?.Properties ?? new Dictionary<string, IOpenApiSchema>()) ?? [];
        return own.Concat(inherited).DistinctBy(p => p.Key).Select(p => (p.Key, p.Value));
    }

    public static IOpenApiSchema? Items(IOpenApiSchema? schema) => Effective(schema)?.Items;
}
