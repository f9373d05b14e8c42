using System.Security.Cryptography;

namespace ExpertSupport.Application.Files;

/// <summary>The size and SHA-256 of an export's bytes, as stored beside them.</summary>
/// <param name="Length">Bytes written.</param>
/// <param name="Sha256">The hash, 32 bytes.</param>
public sealed record ExportDigest(long Length, byte[] Sha256)
{
    /// <summary>The hash as 64 lower-case hex digits (what <c>sha256sum</c> prints).</summary>
    public string Sha256Hex => Convert.ToHexStringLower(Sha256);
}

/// <summary>
/// A write-only pass-through that hashes every byte on its way to <paramref name="inner"/>, so an export is
/// generated once, straight into its destination (a file, a database stream), and its SHA-256 is known at the end
/// without reading the bytes again. It cannot seek: writers that need to seek (a zip on a seekable stream) fall back
/// to streaming (data descriptors), which is what we want for flat memory anyway.
/// </summary>
public sealed class HashingWriteStream(Stream inner, bool leaveOpen = true) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private ExportDigest? _digest;

    public long BytesWritten { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => _digest is null;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesWritten;
        set => throw new NotSupportedException();
    }

    /// <summary>Finishes the hash. No more bytes may be written afterwards; calling it again returns the same digest.</summary>
    public ExportDigest Complete() => _digest ??= new ExportDigest(BytesWritten, _hash.GetHashAndReset());

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        EnsureOpen();
        _hash.AppendData(buffer);
        inner.Write(buffer);
        BytesWritten += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        _hash.AppendData(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
        BytesWritten += buffer.Length;
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            if (!leaveOpen) inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        _hash.Dispose();
        if (!leaveOpen) await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private void EnsureOpen()
    {
        if (_digest is not null) throw new InvalidOperationException("The hash is complete; nothing more can be written.");
    }
}

/// <summary>Writes an export once to its destination and returns its size and SHA-256.</summary>
public static class HashedExport
{
    /// <example>
    /// <code>
    /// await using var file = File.Create(path);
    /// var digest = await HashedExport.WriteAsync(file, (s, ct) => csvWriter.WriteAsync(s, lines, ct), ct);
    /// // store path (or the bytes), digest.Length and digest.Sha256Hex with the export
    /// </code>
    /// </example>
    public static async Task<ExportDigest> WriteAsync(Stream destination, Func<Stream, CancellationToken, Task> write, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var hashing = new HashingWriteStream(destination, leaveOpen: true);
        await write(hashing, ct);
        await hashing.FlushAsync(ct);
        return hashing.Complete();
    }

    /// <summary>The same, keeping what the writer returns (e.g. the Zengin trailer's count and sum).</summary>
    /// <example>
    /// <code>
    /// var (summary, digest) = await HashedExport.WriteAsync(file, (s, ct) => ZenginFileWriter.WriteAsync(s, header, transfers, ct: ct), ct);
    /// </code>
    /// </example>
    public static async Task<(T Result, ExportDigest Digest)> WriteAsync<T>(Stream destination, Func<Stream, CancellationToken, Task<T>> write, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var hashing = new HashingWriteStream(destination, leaveOpen: true);
        var result = await write(hashing, ct);
        await hashing.FlushAsync(ct);
        return (result, hashing.Complete());
    }
}
