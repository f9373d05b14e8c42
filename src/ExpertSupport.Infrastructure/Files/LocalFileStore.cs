using System.Security.Cryptography;
using ExpertSupport.Application.Files;
using Microsoft.Extensions.Options;

namespace ExpertSupport.Infrastructure.Files;

public sealed class FileStoreOptions
{
    /// <summary>Where files are kept: `.data/files` in development, a mounted volume in containers.</summary>
    public string Path { get; set; } = ".data/files";
}

/// <summary>
/// Content-addressed files in a directory: {root}/ab/cd/abcdef… named by their SHA-256. Bytes are written to a
/// temporary file while hashed and then moved into place, so a crash never leaves a half-written file under a
/// real key, and the same bytes stored twice are kept once.
/// </summary>
public sealed class LocalFileStore(IOptions<FileStoreOptions> options) : IFileStore
{
    private string Root => options.Value.Path;

    public async Task<StoredFile> SaveAsync(Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.Combine(Root, "tmp"));
        var temp = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        string hex;
        long length;
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[81920];
            int read;
            length = 0;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
                length += read;
            }
            await file.FlushAsync(ct);
            hex = Convert.ToHexStringLower(sha.GetHashAndReset());
        }

        var target = PathOf(hex);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target)) File.Delete(temp);
        else File.Move(temp, target, overwrite: true);
        return new StoredFile(hex, hex, length);
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        if (key.Length != 64 || !key.All(Uri.IsHexDigit)) return Task.FromResult<Stream?>(null);
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null);
    }

    private string PathOf(string hex) => Path.Combine(Root, hex[..2], hex[2..4], hex);
}
