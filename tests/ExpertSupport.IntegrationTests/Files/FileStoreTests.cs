using System.Security.Cryptography;
using ExpertSupport.Application.Files;
using ExpertSupport.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Files;

public sealed class FileStoreTests(SharedAppFixture fixture)
{
    [Fact]
    public async Task A_file_is_stored_under_its_SHA256_and_read_back_byte_for_byte()
    {
        var store = fixture.App.Services.GetRequiredService<IFileStore>();
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var ct = TestContext.Current.CancellationToken;

        var stored = await store.SaveAsync(new MemoryStream(bytes), ct);
        var again = await store.SaveAsync(new MemoryStream(bytes), ct);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Equal(stored, again);
        Assert.Equal(bytes.Length, stored.Length);
        await using var read = await store.OpenAsync(stored.Key, ct);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy, ct);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Null(await store.OpenAsync(new string('0', 64), ct));
        Assert.Null(await store.OpenAsync("../../etc/passwd", ct));
    }
}
