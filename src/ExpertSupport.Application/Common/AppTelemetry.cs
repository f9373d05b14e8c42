using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ExpertSupport.Application.Common;

/// <summary>
/// The app's own spans and business metrics, on the BCL's ActivitySource and Meter: Application needs no OpenTelemetry
/// package, and nothing is recorded unless a listener (the web host's OpenTelemetry set-up, a test) subscribes.
/// The names are what a collector sees: the source and the meter are both "ExpertSupport".
/// </summary>
public static class AppTelemetry
{
    public const string Name = "ExpertSupport";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> BookingsRequested =
        Meter.CreateCounter<long>("expertsupport.bookings.requested", "{booking}", "Bookings requested by companies");

    public static readonly Counter<long> BookingsConfirmed =
        Meter.CreateCounter<long>("expertsupport.bookings.confirmed", "{booking}", "Bookings confirmed by experts");

    public static readonly Counter<long> BookingsCancelled =
        Meter.CreateCounter<long>("expertsupport.bookings.cancelled", "{booking}", "Bookings cancelled by either side");

    // Yen are whole numbers (docs/money.md), so the counters are long; the unit is the ISO currency code.
    public static readonly Counter<long> SubsidyReserved =
        Meter.CreateCounter<long>("expertsupport.subsidy.reserved", "JPY", "Subsidy reserved in the cap ledger (confirmed bookings)");

    public static readonly Counter<long> SubsidySettled =
        Meter.CreateCounter<long>("expertsupport.subsidy.settled", "JPY", "Subsidy settled in the cap ledger (confirmed session reports)");

    public static readonly Histogram<double> ClaimRunDuration =
        Meter.CreateHistogram<double>("expertsupport.claims.run.duration", "s", "How long closing a claim period took");

    public static readonly Counter<long> ClaimRunLines =
        Meter.CreateCounter<long>("expertsupport.claims.run.lines", "{line}", "Claim lines written by claim runs");
}
