using ExpertSupport.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Data;

/// <summary>
/// Every entity of the domain carries PostgreSQL's <c>xmin</c> (the id of the transaction that last wrote the row) as
/// EF Core's concurrency token, as a shadow property so the domain never sees it. Two commands that read the same row
/// and both change it cannot both commit: the second UPDATE finds another <c>xmin</c>, EF Core throws
/// <see cref="DbUpdateConcurrencyException"/>, and the pipeline (ConflictBehavior) re-runs the command once on the new
/// state or answers 409. xmin is a system column: it costs no storage and no migration.
/// </summary>
public static class ConcurrencyTokens
{
    public const string Property = "Version";

    /// <summary>Raw SQL that materialises an entity (a row lock such as <c>SELECT … FOR UPDATE</c>) must select it too.</summary>
    public const string Column = "xmin";

    public static ModelBuilder UseXminConcurrencyTokens(this ModelBuilder builder)
    {
        var aggregates = builder.Model.GetEntityTypes()
            .Where(t => typeof(Entity).IsAssignableFrom(t.ClrType) && !t.IsOwned() && t.BaseType is null)
            .Select(t => t.ClrType)
            .ToList();
        foreach (var type in aggregates)
            builder.Entity(type).Property<uint>(Property).HasColumnName(Column).HasColumnType("xid").IsRowVersion();
        return builder;
    }
}
