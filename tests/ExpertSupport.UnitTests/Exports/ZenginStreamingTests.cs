using ExpertSupport.Application.Claims.Zengin;
using ExpertSupport.Web.Localization;

namespace ExpertSupport.UnitTests.Exports;

[Trait("Category", "Slow")]
public sealed class ZenginStreamingTests
{
    [Fact]
    public async Task The_largest_file_the_trailer_allows_streams_with_flat_memory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"zengin-{Guid.NewGuid():N}.txt");
        try
        {
            long retainedMidway = 0;
            var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            ZenginFileSummary summary;
            await using (output)
            {
                var source = ZenginBuilders.Stream(ZenginFileWriter.MaxCount, i =>
                {
                    if (i == 900_000)
                    {
                        retainedMidway = GC.GetTotalMemory(forceFullCollection: true);
                        // Streaming: what was produced is already in the file, not held in memory.
                        Assert.True(output.Position > 899_000L * 122, $"only {output.Position} bytes written after 900,000 records");
                    }
                });
                var before = GC.GetTotalMemory(forceFullCollection: true);
                summary = await ZenginFileWriter.WriteAsync(output, ZenginBuilders.Header(), source, ct: TestContext.Current.CancellationToken);
                Assert.True(retainedMidway - before < 16 * 1024 * 1024, $"{(retainedMidway - before) / 1024 / 1024} MiB retained while writing");
            }

            Assert.Equal(ZenginFileWriter.MaxCount, summary.Count);
            Assert.Equal((ZenginFileWriter.MaxCount + 3L) * 122, new FileInfo(path).Length);
            await using var input = File.OpenRead(path);
            Assert.Equal(summary, ZenginFileReader.Verify(input, 2026));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task One_transfer_more_than_the_trailer_can_count_is_refused()
    {
        var error = await Assert.ThrowsAsync<ZenginFormatException>(() =>
            ZenginFileWriter.WriteAsync(Stream.Null, ZenginBuilders.Header(), ZenginBuilders.Stream(ZenginFileWriter.MaxCount + 1),
                ct: TestContext.Current.CancellationToken));
        Assert.Contains("データ 1000000件目", ZenginBuilders.Japanese(error), StringComparison.Ordinal);
        Assert.Equal("count", error.Errors[0].Field);
    }
}
