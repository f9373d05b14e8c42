using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpertSupport.Web.Api;

/// <summary>
/// A download that starts only when it can finish: the filters were checked at the input boundary, and the query runs
/// and yields its first row (or none) before the 200 and the first byte are sent. A refused filter, a refused caller
/// or a failing query is then a 4xx/5xx problem, never a 200 whose body is cut off half way — a truncated CSV looks
/// like a finished one.
/// </summary>
internal static class StreamedDownload
{
    public static async Task<PushStreamHttpResult> StartAsync<T>(
        IAsyncEnumerable<T> rows, Func<Stream, IAsyncEnumerable<T>, CancellationToken, Task> write, string contentType, string fileName, CancellationToken ct)
    {
        var cursor = rows.GetAsyncEnumerator(ct);
        bool any;
        try
        {
            any = await cursor.MoveNextAsync();
        }
        catch
        {
            await cursor.DisposeAsync();
            throw;
        }
        return TypedResults.Stream(async stream =>
        {
            await using (cursor) await write(stream, Remaining(cursor, any), ct);
        }, contentType, fileName);
    }

    private static async IAsyncEnumerable<T> Remaining<T>(IAsyncEnumerator<T> cursor, bool any)
    {
        if (!any) yield break;
        do yield return cursor.Current;
        while (await cursor.MoveNextAsync());
    }
}
