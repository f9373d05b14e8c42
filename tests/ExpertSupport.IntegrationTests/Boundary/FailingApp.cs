using System.Collections.Concurrent;
using ExpertSupport.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExpertSupport.IntegrationTests.Boundary;

/// <summary>
/// The app with three failures planted behind every real route (reached only when nothing else answers): an exception
/// under /api and under a page path, and an API body that breaks off after the 200. Every log entry is kept.
/// </summary>
public sealed class FailingAppFixture : AppFixture
{
    public const string Secret = "secret-detail-of-the-failure";

    public LogCapture Logs { get; } = new();

    protected override TestApp CreateApp(string connectionString) => new FailingApp(connectionString, Logs);

    private sealed class FailingApp(string connectionString, LogCapture logs) : TestApp(connectionString)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(logs));
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PlantedFailures>());
        }
    }

    private sealed class PlantedFailures : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(async http =>
            {
                switch (http.Request.Path.Value)
                {
                    case "/api/test/failure" or "/test/failure":
                        throw new InvalidOperationException(Secret);
                    case "/api/test/cut-off":
                        http.Response.ContentType = "text/csv";
                        await http.Response.WriteAsync("a,b\n1,2\n");
                        await http.Response.Body.FlushAsync();
                        throw new InvalidOperationException(Secret);
                    default:
                        http.Response.StatusCode = StatusCodes.Status404NotFound;
                        break;
                }
            });
        };
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

/// <summary>Every log entry the app writes, to check what a refusal leaves in the log.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}
