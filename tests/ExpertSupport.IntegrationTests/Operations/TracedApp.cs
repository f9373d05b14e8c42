using System.Collections;
using System.Diagnostics;
using ExpertSupport.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;

namespace ExpertSupport.IntegrationTests.Operations;

/// <summary>
/// The app with telemetry on, exporting by OTLP (http/protobuf) to a local receiver started first, and also to memory.
/// ActivitySources are process-wide, so the spans of other test hosts land here too: tests pick theirs by trace id.
/// </summary>
public sealed class TracedAppFixture : BookingClockFixture
{
    public OtlpReceiver Receiver { get; } = new();

    public SpanList Spans { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await Receiver.StartAsync();
        await base.InitializeAsync();
    }

    protected override TestApp CreateApp(string connectionString) => new TracedApp(connectionString, new FakeTimeProvider(Start), Receiver.Url, Spans);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

internal sealed class TracedApp(string connectionString, FakeTimeProvider clock, string otlpEndpoint, SpanList spans) : TestApp(connectionString, clock)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The standard variables, as a deployment sets them (the app reads them from its configuration).
        builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", otlpEndpoint);
        builder.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        builder.UseSetting("OTEL_SERVICE_NAME", "expertsupport-test");
        builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
    }
}

/// <summary>What the in-memory exporter collected, safe to read while other hosts' spans keep arriving.</summary>
public sealed class SpanList : ICollection<Activity>
{
    private readonly List<Activity> _items = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<Activity> Of(ActivityTraceId trace)
    {
        lock (_gate) return [.. _items.Where(a => a.TraceId == trace)];
    }

    public void Add(Activity item)
    {
        lock (_gate) _items.Add(item);
    }

    public int Count
    {
        get { lock (_gate) return _items.Count; }
    }

    public bool IsReadOnly => false;
    public void Clear() { lock (_gate) _items.Clear(); }
    public bool Contains(Activity item) { lock (_gate) return _items.Contains(item); }
    public void CopyTo(Activity[] array, int arrayIndex) { lock (_gate) _items.CopyTo(array, arrayIndex); }
    public bool Remove(Activity item) { lock (_gate) return _items.Remove(item); }
    public IEnumerator<Activity> GetEnumerator() { lock (_gate) return _items.ToList().GetEnumerator(); }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A local OTLP/HTTP receiver: keeps the raw protobuf bodies posted to /v1/traces (and accepts metrics and logs). The
/// test reads them as bytes: names and SQL are UTF-8 strings inside the protobuf, and the trace id its 16 raw bytes.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly List<byte[]> _traces = [];
    private readonly Lock _gate = new();
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            if (signal == "traces")
            {
                lock (_gate) _traces.Add(body.ToArray());
            }
            return Results.Ok();
        });
        await _app.StartAsync();
        Url = _app.Urls.Single();
    }

    public IReadOnlyList<byte[]> Traces
    {
        get { lock (_gate) return [.. _traces]; }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
