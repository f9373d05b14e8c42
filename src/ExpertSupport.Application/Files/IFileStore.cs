namespace ExpertSupport.Application.Files;

/// <summary>A stored file: addressed by the SHA-256 of its bytes, so the key also proves what the bytes are.</summary>
public sealed record StoredFile(string Key, string Sha256, long Length);

/// <summary>
/// Files kept outside the database (evidence attachments, generated exports). The database keeps only their
/// metadata and SHA-256. Implemented in Infrastructure (a local directory, or a volume in containers); the
/// interface keeps Application free of I/O, in the clean-architecture direction.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the stream's bytes (streamed, never fully in memory) and returns their key and hash.</summary>
    Task<StoredFile> SaveAsync(Stream content, CancellationToken ct);

    /// <summary>Opens a stored file for reading, or null when there is none with that key.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken ct);
}
