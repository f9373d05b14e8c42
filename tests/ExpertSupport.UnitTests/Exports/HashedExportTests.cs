using System.Security.Cryptography;
using ExpertSupport.Application.Files;
using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Companies;
using ExpertSupport.Application.Files.Xlsx;
using ExpertSupport.Application.Claims.Zengin;

namespace ExpertSupport.UnitTests.Exports;

public sealed class HashedExportTests
{
    [Fact]
    public async Task The_digest_is_the_SHA256_and_length_of_exactly_the_bytes_that_reached_the_destination()
    {
        using var destination = new MemoryStream();
        var transfers = ZenginBuilders.Transfers().Generate(40);

        var (summary, digest) = await HashedExport.WriteAsync(destination, (s, ct) =>
            ZenginFileWriter.WriteAsync(s, ZenginBuilders.Header(), transfers, ct: ct), TestContext.Current.CancellationToken);

        Assert.Equal(destination.Length, digest.Length);
        Assert.Equal(summary.Bytes, digest.Length);
        Assert.Equal(SHA256.HashData(destination.ToArray()), digest.Sha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(destination.ToArray())), digest.Sha256Hex);
        Assert.Equal(64, digest.Sha256Hex.Length);
    }

    [Fact]
    public async Task Regenerating_an_export_from_the_same_data_gives_the_same_hash()
    {
        var rows = XlsxTestRows.Generate(50);
        var options = new XlsxOptions { Created = new DateTimeOffset(2026, 5, 8, 0, 0, 0, TimeSpan.Zero) };
        async Task<ExportDigest> Export() => (await HashedExport.WriteAsync(Stream.Null, (s, ct) =>
            XlsxWriter.WriteAsync(s, XlsxTestRows.Columns, rows, options, ct), TestContext.Current.CancellationToken)).Digest;

        Assert.Equal((await Export()).Sha256Hex, (await Export()).Sha256Hex);
    }

    [Fact]
    public void Nothing_can_be_written_after_the_hash_is_complete()
    {
        using var hashing = new HashingWriteStream(Stream.Null);
        hashing.Write("abc"u8);
        var digest = hashing.Complete();

        Assert.Same(digest, hashing.Complete());
        Assert.Equal(3, digest.Length);
        Assert.Equal(SHA256.HashData("abc"u8), digest.Sha256);
        Assert.False(hashing.CanWrite);
        Assert.Throws<InvalidOperationException>(() => hashing.Write("d"u8));
    }

    [Fact]
    public void It_only_writes_forward()
    {
        using var hashing = new HashingWriteStream(new MemoryStream());
        Assert.False(hashing.CanSeek);
        Assert.False(hashing.CanRead);
        Assert.Throws<NotSupportedException>(() => hashing.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => hashing.Read(new byte[1], 0, 1));
    }

    [Fact]
    public void The_destination_is_left_open_unless_asked()
    {
        var kept = new MemoryStream();
        new HashingWriteStream(kept).Dispose();
        Assert.True(kept.CanWrite);

        var closed = new MemoryStream();
        new HashingWriteStream(closed, leaveOpen: false).Dispose();
        Assert.False(closed.CanWrite);
    }
}
