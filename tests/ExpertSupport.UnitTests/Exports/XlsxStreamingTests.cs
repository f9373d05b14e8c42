using ExpertSupport.Application.Files;
using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Companies;
using ExpertSupport.Application.Files.Xlsx;

namespace ExpertSupport.UnitTests.Exports;

[Trait("Category", "Slow")]
public sealed class XlsxStreamingTests
{
    private const int Rows = 1_000_000;

    private static async IAsyncEnumerable<XlsxTestRow> Lines(Action<int> atEach)
    {
        var start = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= Rows; i++)
        {
            atEach(i);
            yield return new XlsxTestRow($"専門家 {i % 10_000}", $"株式会社テスト{i % 100_000}", 30 + i % 8 * 30, i % 3_500 * 10,
                new DateOnly(2026, 4, 1).AddDays(i % 30), start.AddMinutes(i));
            if (i % 50_000 == 0) await Task.Yield();
        }
    }

    [Fact]
    public async Task A_million_rows_stream_into_the_file_with_flat_memory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"xlsx-{Guid.NewGuid():N}.xlsx");
        try
        {
            long retainedMidway = 0, writtenMidway = 0;
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (file)
            {
                var before = GC.GetTotalMemory(forceFullCollection: true);
                var (count, digest) = await HashedExport.WriteAsync(file, (stream, ct) =>
                    XlsxWriter.WriteAsync(stream, XlsxTestRows.Columns, Lines(i =>
                    {
                        if (i != 900_000) return;
                        retainedMidway = GC.GetTotalMemory(forceFullCollection: true) - before;
                        writtenMidway = file.Position;
                    }), ct: ct), TestContext.Current.CancellationToken);

                Assert.Equal(Rows, count);
                Assert.Equal(file.Length, digest.Length);
            }

            Assert.True(retainedMidway < 32 * 1024 * 1024, $"{retainedMidway / 1024 / 1024} MiB retained while writing");
            Assert.True(writtenMidway > new FileInfo(path).Length / 2, $"only {writtenMidway} bytes had reached the file after 900,000 rows");

            await using var input = File.OpenRead(path);
            using var reader = XlsxTestRows.OpenReader(input);
            var lastRow = 0;
            object? lastYen = null;
            while (reader.Read())
            {
                lastRow++;
                lastYen = reader.GetValue(3);
            }
            Assert.Equal(Rows + 1, lastRow);
            Assert.Equal((double)(Rows % 3_500 * 10), lastYen);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
