using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Common;
using ExpertSupport.IntegrationTests.Bookings;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.Extensions.DependencyInjection;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using OpenTelemetry.Trace;

namespace ExpertSupport.IntegrationTests.Operations;

/// <summary>
/// With OTEL_EXPORTER_OTLP_ENDPOINT set, a booking request is one trace: the server span, the use case's span beneath it
/// and the SQL it sent beneath that, exported by OTLP to a local receiver. Without the variable nothing is collected.
/// </summary>
public sealed class TelemetryTests(TracedAppFixture fixture) : IClassFixture<TracedAppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_booking_request_is_one_trace_from_the_server_span_through_the_use_case_to_its_SQL()
    {
        var ct = TestContext.Current.CancellationToken;
        var (trace, bookingId) = await RequestBookingTracedAsync(ct);

        var spans = await SpansOfAsync(trace, s => s.Any(IsServer) && s.Any(a => a.DisplayName == nameof(RequestBookingCommand)), ct);
        var server = spans.Single(IsServer);
        Assert.StartsWith("POST /api/bookings", server.DisplayName, StringComparison.Ordinal);
        Assert.Equal(201, server.GetTagItem("http.response.status_code"));

        var useCase = spans.Single(a => a.DisplayName == nameof(RequestBookingCommand));
        Assert.Equal(AppTelemetry.Name, useCase.Source.Name);
        Assert.True(IsBeneath(useCase, server, spans), "the use case's span is a child of the request's");

        var sql = spans.Where(a => a.Source.Name == "Npgsql").ToList();
        Assert.NotEmpty(sql);
        Assert.All(sql, a => Assert.True(IsBeneath(a, server, spans), $"SQL outside the request: {a.DisplayName}"));
        var insert = sql.FirstOrDefault(a => Text(a).Contains("INSERT INTO bookings", StringComparison.Ordinal));
        Assert.True(insert is not null, "no INSERT INTO bookings among:\n" + string.Join("\n", sql.Select(Text)));
        Assert.True(IsBeneath(insert, useCase, spans), "the booking's INSERT runs inside the use case's span");
        Assert.Equal("postgresql", insert.GetTagItem("db.system.name"));
        // The statement is sent with parameters, never with the values in it.
        Assert.DoesNotContain(bookingId.ToString(), Text(insert), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_spans_are_exported_by_OTLP_to_the_endpoint_in_the_standard_variable()
    {
        var ct = TestContext.Current.CancellationToken;
        var (trace, _) = await RequestBookingTracedAsync(ct);
        await SpansOfAsync(trace, s => s.Any(IsServer), ct);

        // The batch exporter sends every few seconds; a flush sends now.
        Assert.True(App.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        var traceBytes = Convert.FromHexString(trace.ToHexString());
        var bodies = fixture.Receiver.Traces.Where(b => b.AsSpan().IndexOf(traceBytes) >= 0).ToList();
        Assert.NotEmpty(bodies);
        var exported = string.Join('\n', bodies.Select(Encoding.UTF8.GetString));
        Assert.Contains("expertsupport-test", exported, StringComparison.Ordinal);
        Assert.Contains("POST /api/bookings", exported, StringComparison.Ordinal);
        Assert.Contains(nameof(RequestBookingCommand), exported, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO bookings", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_run_is_a_span_in_the_trace_of_the_request_that_enqueued_it()
    {
        var ct = TestContext.Current.CancellationToken;
        // The test hosts run no job server; this one serves only its own queue, so it runs only the job sent below.
        var queue = $"telemetry-{Guid.NewGuid():N}"[..20];
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = 1, Queues = [queue], SchedulePollingInterval = TimeSpan.FromSeconds(1) },
            App.Services.GetRequiredService<JobStorage>());
        ActivityTraceId trace;
        using (var request = AppTelemetry.Source.StartActivity("enqueue") ?? throw new InvalidOperationException("not sampled"))
        {
            trace = request.TraceId;
            App.Services.GetRequiredService<IBackgroundJobClient>().Create(Job.FromExpression(() => JobProbe.Run()), new EnqueuedState(queue));
        }

        var spans = await SpansOfAsync(trace, s => s.Any(a => a.DisplayName == "job JobProbe.Run"), ct);
        var job = spans.Single(a => a.DisplayName == "job JobProbe.Run");
        Assert.Equal(ActivityKind.Consumer, job.Kind);
        Assert.Equal(spans.Single(a => a.DisplayName == "enqueue").SpanId, job.ParentSpanId);
    }

    [Fact]
    public async Task A_refusal_names_the_trace_id_of_its_request()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = App.CreateClient();
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email = "nobody@example.jp", password = "wrong-password" }) };
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var response = await anonymous.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(trace.ToHexString(), problem.RootElement.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Requesting_and_confirming_count_in_the_business_metrics()
    {
        var ct = TestContext.Current.CancellationToken;
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AppTelemetry.Name) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (seen) seen[instrument.Name] = seen.GetValueOrDefault(instrument.Name) + value;
        });
        listener.Start();

        var s = await App.CreateBookingScenarioAsync();
        await App.ConfirmedBookingAsync(s);

        // Other hosts in this process may count too: at least ours.
        lock (seen)
        {
            Assert.True(seen.GetValueOrDefault("expertsupport.bookings.requested") >= 1);
            Assert.True(seen.GetValueOrDefault("expertsupport.bookings.confirmed") >= 1);
            Assert.True(seen.GetValueOrDefault("expertsupport.subsidy.reserved") >= 3_500);
        }
    }

    [Fact]
    public async Task Without_the_endpoint_variable_no_telemetry_is_collected()
    {
        var plain = new TestApp(await TestPostgres.CreateDatabaseAsync());
        try
        {
            await plain.StartAsync();
            Assert.Null(plain.Services.GetService<TracerProvider>());
            Assert.Null(plain.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
        }
        finally
        {
            await plain.DisposeAsync();
            await TestPostgres.DropDatabaseAsync(plain.ConnectionString);
        }
    }

    private async Task<(ActivityTraceId Trace, Guid BookingId)> RequestBookingTracedAsync(CancellationToken ct)
    {
        var s = await App.CreateBookingScenarioAsync();
        var slot = await App.FirstSlotAsync(s);
        using var company = await App.ApiClientAsync(s.CompanyUser);
        // The caller's trace context: the server span joins this trace, which tells our spans from other hosts'.
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bookings")
        {
            Content = JsonContent.Create(new { planId = s.PlanId, start = slot.Start, minutes = 60, mode = "Online" }),
        };
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var response = await company.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.Content.ReadFromJsonAsync<BookingView>(ApiJson.Options, ct);
        return (trace, booking!.Id);
    }

    /// <summary>The spans of a trace once <paramref name="complete"/> holds (the server span ends just after the answer is sent).</summary>
    private async Task<IReadOnlyList<Activity>> SpansOfAsync(ActivityTraceId trace, Func<IReadOnlyList<Activity>, bool> complete, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var spans = fixture.Spans.Of(trace);
            if (complete(spans)) return spans;
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
                Assert.Fail($"The trace is incomplete: {string.Join(", ", spans.Select(a => a.DisplayName))}");
            await Task.Delay(20, ct);
        }
    }

    private static bool IsServer(Activity a) => a.Kind == ActivityKind.Server;

    private static string Text(Activity a) => a.GetTagItem("db.query.text") as string ?? "";

    private static bool IsBeneath(Activity span, Activity ancestor, IReadOnlyList<Activity> spans)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId) return true;
            parent = spans.FirstOrDefault(a => a.SpanId == parent)?.ParentSpanId ?? default;
        }
        return false;
    }
}

/// <summary>A job that does nothing: the test looks only at its span.</summary>
public static class JobProbe
{
    public static void Run()
    {
    }
}
