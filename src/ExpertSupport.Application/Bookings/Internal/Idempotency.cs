using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>
/// One Idempotency-Key of one user for one operation. <see cref="ClaimAsync"/> inserts the key first thing in the
/// command's transaction (ON CONFLICT DO NOTHING): a second request with the key waits until the first commits or
/// rolls back, then either replays its answer or runs itself (the first one failed and left nothing).
/// </summary>
internal sealed class Idempotency(AppDbContext db, Guid userId, string scope, string key, string requestHash)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static readonly Error KeyReused = Error.Conflict("idempotency.key_reused");

    /// <summary>Printable ASCII without spaces, up to <see cref="IdempotencyRecord.KeyMaxLength"/> characters (a UUID fits).</summary>
    public static bool IsValidKey(string key) => key.Length is > 0 and <= IdempotencyRecord.KeyMaxLength && key.All(c => c is >= '!' and <= '~');

    /// <summary>SHA-256 of the request as the handler read it, so formatting differences in the body do not matter.</summary>
    public static string Hash<T>(T request) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, Json)));

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)
        ?? throw new InvalidOperationException("An idempotency record holds no answer.");

    /// <summary>Null when this request owns the key now; otherwise the earlier answer (JSON), or a refusal when the key came with another request.</summary>
    public async Task<Result<string>?> ClaimAsync(DateTimeOffset now, CancellationToken ct)
    {
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_keys (user_id, scope, key, request_hash, created_at)
            VALUES ({userId}, {scope}, {key}, {requestHash}, {now})
            ON CONFLICT DO NOTHING
            """, ct);
        if (inserted == 1) return null;
        var earlier = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.UserId == userId && r.Scope == scope && r.Key == key, ct);
        if (earlier.RequestHash != requestHash) return KeyReused;
        return earlier.ResponseJson ?? throw new InvalidOperationException("A committed idempotency record has no answer.");
    }

    /// <summary>Stores the answer in the same transaction as the change it describes.</summary>
    public Task CompleteAsync<T>(int statusCode, T response, Guid resourceId, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(response, Json);
        return db.Database.ExecuteSqlAsync($"""
            UPDATE idempotency_keys SET status_code = {statusCode}, response_json = {json}::jsonb, resource_id = {resourceId}
            WHERE user_id = {userId} AND scope = {scope} AND key = {key}
            """, ct);
    }
}
