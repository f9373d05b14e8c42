using Bogus;
using ExcelDataReader;
using ExpertSupport.Application.Files.Xlsx;
using ExpertSupport.Application.Claims.Zengin;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.UnitTests.Exports;

/// <summary>A claim line as an export would show it, from Bogus with a fixed seed.</summary>
internal sealed record XlsxTestRow(string Expert, string? Company, long Minutes, long SubsidyYen, DateOnly SessionDate, DateTimeOffset? ApprovedAt);

internal static class XlsxTestRows
{
    public static readonly XlsxColumn<XlsxTestRow>[] Columns =
    [
        XlsxColumn<XlsxTestRow>.Text("専門家", r => r.Expert, width: 24),
        XlsxColumn<XlsxTestRow>.Text("企業", r => r.Company, width: 30),
        XlsxColumn<XlsxTestRow>.Integer("分", r => r.Minutes),
        XlsxColumn<XlsxTestRow>.Yen("補助額", r => new Yen(r.SubsidyYen)),
        XlsxColumn<XlsxTestRow>.Date("実施日", r => r.SessionDate),
        XlsxColumn<XlsxTestRow>.DateTime("承認日時", r => r.ApprovedAt),
    ];

    /// <summary>ExcelDataReader, the independent reader; it needs the code pages registered (code page 1252).</summary>
    public static IExcelDataReader OpenReader(Stream stream)
    {
        _ = ShiftJis.Strict;
        return ExcelReaderFactory.CreateOpenXmlReader(stream);
    }

    public static List<XlsxTestRow> Generate(int count, int seed = 11)
    {
        var faker = new Faker("ja") { Random = new Randomizer(seed) };
        return Enumerable.Range(0, count).Select(_ => new XlsxTestRow(
            faker.Name.FullName(),
            faker.Random.Bool(0.9f) ? faker.Company.CompanyName() : null,
            faker.Random.Long(30, 480),
            faker.Random.Long(0, 300_000),
            new DateOnly(2026, 1, 1).AddDays(faker.Random.Int(0, 364)),
            faker.Random.Bool(0.8f) ? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(faker.Random.Int(0, 30_000_000)) : null))
            .ToList();
    }
}
