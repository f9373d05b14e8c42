using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpertSupport.Application.Data;
using ExpertSupport.Testing;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.ExactlyOnce;

/// <summary>An entity whose audit trail must grow by the rows of exactly one success (one, unless a step records two).</summary>
public sealed record Audited(string Type, Guid Id, int Rows = 1);

/// <summary>Something a transition makes (a plan, a ledger row, a message): after the burst there is exactly one.</summary>
public sealed record Once(string What, Func<AppDbContext, Task<int>> Count);

/// <summary>
/// One transition, arranged and ready: ten identical requests (<see cref="Body"/> makes a fresh copy of the same body
/// for each) must give one success and nine 409s saying <see cref="AlreadyCodes"/>, leave one audit row on
/// <see cref="Audit"/> and one of each <see cref="Made"/>, and e-mail each recipient once when <see cref="Mails"/>.
/// A <see cref="Replacement"/> (a PUT of a whole document) answers every request with success instead, writing once.
/// </summary>
public sealed record Shot(HttpClient Client, HttpMethod Method, string Url, Func<HttpContent?> Body, string[] AlreadyCodes)
{
    public Audited? Audit { get; init; }
    public IReadOnlyList<Once> Made { get; init; } = [];
    public bool Mails { get; init; }
    public bool Replacement { get; init; }

    public static Func<HttpContent?> Json(object body) => () => JsonContent.Create(body);
    public static readonly Func<HttpContent?> Empty = () => null;
}

/// <summary>Fires a shot: ten requests released at the same instant, then checks what they left behind.</summary>
public static class Burst
{
    public const int Requests = 10;

    public static async Task FireAsync(TestApp app, Shot shot)
    {
        var ct = TestContext.Current.CancellationToken;
        var auditBefore = shot.Audit is { } a ? await app.Db(db => AuditRows(db, a)) : 0;
        var mailBefore = (await app.Db(db => db.OutboxEmails.Select(m => m.Id).ToListAsync(ct))).ToHashSet();

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, Requests).Select(_ => Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(shot.Method, shot.Url) { Content = shot.Body() };
            await gate.Task;
            using var response = await shot.Client.SendAsync(request, ct);
            return (response.StatusCode, Type: response.Content.Headers.ContentType?.MediaType, Body: await response.Content.ReadAsStringAsync(ct));
        }, ct)).ToList();
        gate.SetResult();
        var answers = await Task.WhenAll(requests);

        var report = string.Join("\n", answers.Select(x => $"{(int)x.StatusCode} {Code(x.Body)}"));
        var successes = answers.Count(x => (int)x.StatusCode is >= 200 and < 300);
        Assert.True(successes == (shot.Replacement ? Requests : 1), $"{shot.Method} {shot.Url}: {successes} successes\n{report}");
        foreach (var refused in answers.Where(x => (int)x.StatusCode is < 200 or >= 300))
        {
            Assert.True(refused.StatusCode == HttpStatusCode.Conflict, $"{shot.Method} {shot.Url}: not a 409\n{report}");
            Assert.Equal("application/problem+json", refused.Type);
            Assert.Contains(Code(refused.Body), shot.AlreadyCodes);
        }

        if (shot.Audit is { } audited)
            Assert.True(await app.Db(db => AuditRows(db, audited)) - auditBefore == audited.Rows, $"{shot.Url}: not exactly one success's audit rows for {audited}");
        foreach (var once in shot.Made)
            Assert.True(await app.Db(once.Count) == 1, $"{shot.Url}: not exactly one {once.What}");

        var mail = await app.Db(db => db.OutboxEmails.AsNoTracking().Select(m => new { m.Id, m.To, m.Subject }).ToListAsync(ct));
        var sent = mail.Where(m => !mailBefore.Contains(m.Id)).ToList();
        Assert.True(shot.Mails == sent.Count > 0, $"{shot.Url}: {sent.Count} e-mails, expected {(shot.Mails ? "some" : "none")}");
        Assert.All(sent.GroupBy(m => (m.To, m.Subject)), g => Assert.True(g.Count() == 1, $"{shot.Url}: {g.Count()} × '{g.Key.Subject}' to {g.Key.To}"));
        shot.Client.Dispose();
    }

    private static Task<int> AuditRows(AppDbContext db, Audited a) =>
        db.AuditEntries.CountAsync(e => e.EntityType == a.Type && e.EntityId == a.Id);

    private static string? Code(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
