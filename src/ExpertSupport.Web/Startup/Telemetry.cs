using System.Diagnostics;
using ExpertSupport.Application.Common;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ExpertSupport.Web.Startup;

/// <summary>
/// Traces, metrics and logs by OpenTelemetry, exported by OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set (with the
/// other standard OTEL_* variables: protocol, headers, service name, resource attributes); without it nothing is
/// collected. Telemetry:Enabled turns the collection on without an exporter (the tests add an in-memory one).
/// Console log lines carry the trace id either way: JSON lines in Production, one line per entry elsewhere.
/// </summary>
internal static class Telemetry
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string DefaultServiceName = "expertsupport";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        AddConsoleLogs(builder);

        var config = builder.Configuration;
        var otlp = !string.IsNullOrWhiteSpace(config[EndpointVariable]);
        if (!otlp && !config.GetValue<bool>("Telemetry:Enabled")) return builder;

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r =>
            {
                // OTEL_SERVICE_NAME wins when set; the default resource reads it.
                if (string.IsNullOrWhiteSpace(config["OTEL_SERVICE_NAME"])) r.AddService(DefaultServiceName);
            })
            .WithTracing(t => t
                .AddSource(AppTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    // The load balancer's probes every few seconds are not worth a trace each.
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health");
                    o.RecordException = true;
                })
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddProcessor(new DropOrphanSql()))
            .WithMetrics(m => m
                .AddMeter(AppTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation());
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });
        if (otlp) otel.UseOtlpExporter();
        return builder;
    }

    private static void AddConsoleLogs(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Environment.IsProduction())
        {
            // One JSON object per line for the log shipper; the TraceId and SpanId sit in its scopes.
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddConsole(o => o.FormatterName = TraceConsoleFormatter.Name)
                .AddConsoleFormatter<TraceConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        }
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
    }

    /// <summary>
    /// SQL sent outside any request or job — Hangfire polling its queues every few seconds, the health probe's query — would
    /// be a trace of one span each, all day long. Such spans are marked as not recorded, so no exporter sends them.
    /// </summary>
    private sealed class DropOrphanSql : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            if (data.Source.Name == "Npgsql" && data.Parent is null && data.ParentSpanId == default)
                data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
