using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace ExpertSupport.Web.Startup;

/// <summary>
/// The console outside Production: one line per entry, with the trace id when there is one, so a line in the terminal
/// can be found in the trace viewer ("info: ExpertSupport…LoggingBehavior[0] 4bf92f35… RequestBookingCommand handled…").
/// </summary>
internal sealed class TraceConsoleFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "trace";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null) return;
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write('[');
        textWriter.Write(logEntry.EventId.Id);
        textWriter.Write("] ");
        if (Activity.Current is { } activity)
        {
            textWriter.Write(activity.TraceId.ToHexString());
            textWriter.Write(' ');
        }
        textWriter.WriteLine(message?.ReplaceLineEndings(" "));
        if (logEntry.Exception is not null) textWriter.WriteLine(logEntry.Exception.ToString());
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
