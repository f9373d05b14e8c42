using System.Text.Json;
using System.Text.Json.Serialization;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Localization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ExpertSupport.Web.Api;

/// <summary>
/// An <see cref="Error"/> inside an answer (e.g. why a plan's slots are unavailable) goes out as its text in the
/// request's language (Accept-Language), as a problem's title does; the API document calls it a string.
/// </summary>
internal sealed class ErrorJsonConverter : JsonConverter<Error>
{
    public override Error Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Errors are written by the API, never read from a request.");

    public override void Write(Utf8JsonWriter writer, Error value, JsonSerializerOptions options) => writer.WriteStringValue(ErrorText.Render(value));

    public static Task DescribeAsString(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type != typeof(Error)) return Task.CompletedTask;
        schema.Type = JsonSchemaType.String;
        schema.Properties?.Clear();
        schema.Description = "理由（リクエストの言語で） / The reason, in the request's language (Accept-Language)";
        return Task.CompletedTask;
    }
}
