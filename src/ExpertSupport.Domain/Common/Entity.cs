namespace ExpertSupport.Domain.Common;

/// <summary>An entity with a surrogate key chosen by the application (UUID v7: ordered, so indexes stay compact).</summary>
public abstract class Entity
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();
}
