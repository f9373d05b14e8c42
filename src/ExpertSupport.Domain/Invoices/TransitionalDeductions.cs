using System.Globalization;

namespace ExpertSupport.Domain.Invoices;

/// <summary>One period of the transitional rule (経過措置): the share of the tax a buyer may still deduct when the supplier is not registered.</summary>
public sealed record TransitionalDeduction(DateOnly From, DateOnly To, int Percent);

/// <summary>
/// The transitional deduction for purchases from suppliers who issue no qualified invoice (平成28年改正法附則 第52条・第53条):
/// kept as dated data (<c>Invoices/transitional-deductions.csv</c>, embedded), so a change of the law is a new row, not code.
/// A transaction date in no row allows no deduction.
/// </summary>
public static class TransitionalDeductions
{
    private const string ResourceName = "ExpertSupport.Domain.Invoices.transitional-deductions.csv";

    public static IReadOnlyList<TransitionalDeduction> All { get; } = Load();

    /// <summary>The percentage deductible for a purchase on <paramref name="transactionDate"/>; 0 outside every period.</summary>
    public static int PercentOn(DateOnly transactionDate) => Period(transactionDate)?.Percent ?? 0;

    /// <summary>The period of the rule a transaction date falls in, or null when no deduction is allowed.</summary>
    public static TransitionalDeduction? Period(DateOnly transactionDate) =>
        All.FirstOrDefault(p => p.From <= transactionDate && transactionDate <= p.To);

    private static TransitionalDeduction[] Load()
    {
        using var stream = typeof(TransitionalDeductions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing resource {ResourceName}.");
        using var reader = new StreamReader(stream);
        var rows = new List<TransitionalDeduction>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("from", StringComparison.Ordinal)) continue;
            var cells = line.Split(',');
            rows.Add(new TransitionalDeduction(
                DateOnly.ParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly.ParseExact(cells[1], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                int.Parse(cells[2], CultureInfo.InvariantCulture)));
        }
        return [.. rows.OrderBy(r => r.From)];
    }
}
