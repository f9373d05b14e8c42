using System.Text.Json;

namespace ExpertSupport.IntegrationTests.Fuzzing;

/// <summary>
/// What every answer must be, whatever was asked: not a 5xx, a body that arrives whole (a stream cut off half way is
/// a failure even after a 200), JSON that parses, and under /api every refusal a problem+json whose status is the answer's.
/// </summary>
public static class ResponseCheck
{
    public static async Task<(int Status, string? Problem)> ReadAsync(Func<Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (0, $"the request failed in the server: {e.GetType().Name}: {First(e.Message)}");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            byte[] body;
            try
            {
                body = await response.Content.ReadAsByteArrayAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return (status, $"answered {status}, then the body was cut off: {e.GetType().Name}: {First(e.Message)}");
            }
            if (status >= 500) return (status, $"answered {status}: {First(System.Text.Encoding.UTF8.GetString(body))}");
            if (response.Content.Headers.ContentLength is { } length && length != body.Length)
                return (status, $"Content-Length {length} but {body.Length} bytes arrived");

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (status >= 400 && response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) == true
                && mediaType != "application/problem+json")
                return (status, $"answered {status} as {mediaType ?? "no content type"}, not application/problem+json");
            if (mediaType is null || !mediaType.EndsWith("json", StringComparison.Ordinal)) return (status, null);
            try
            {
                using var json = JsonDocument.Parse(body);
                if (mediaType == "application/problem+json"
                    && (!json.RootElement.TryGetProperty("status", out var said) || said.GetInt32() != status))
                    return (status, $"a problem whose status is not {status}");
            }
            catch (JsonException e)
            {
                return (status, $"answered {status} with JSON that does not parse: {First(e.Message)}");
            }
            return (status, null);
        }
    }

    private static string First(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
