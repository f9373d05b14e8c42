using ExpertSupport.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Common;

/// <summary>
/// Documents saved whole (a company's profile, an expert's profile, an expert's hours) take turns per owner: a lock
/// for the rest of the transaction on the owner's id, held whether or not the row exists yet. A row lock cannot do
/// that for a first save (there is no row to lock), and two first saves would then meet at the unique key — or, with
/// child rows in between, in a deadlock.
/// </summary>
public static class OwnerLocks
{
    public static Task TakeAsync(AppDbContext db, string document, Guid ownerId, CancellationToken ct)
    {
        var key = $"{document}:{ownerId}";
        return db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
    }
}
