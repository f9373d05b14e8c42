using System.Diagnostics;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace ExpertSupport.Application.Common.Behaviors;

/// <summary>Logs every use case by its message type name, with its duration and outcome.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response is Result { IsFailure: true } failed)
                LogFailed(typeof(TMessage).Name, elapsed, failed.FirstError.Code);
            else
                LogHandled(typeof(TMessage).Name, elapsed);
            return response;
        }
        catch (InvalidRequestException refused)
        {
            // Bad input is the caller's mistake, not ours: one line, no stack trace.
            LogFailed(typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, refused.Errors[0].Code);
            throw;
        }
        catch (RoleRequiredException refused)
        {
            // A role refused is a caller knocking on the wrong door, not our failure either.
            LogFailed(typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, refused.Error.Code);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogError(ex, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Message} handled in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string message, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message} refused in {ElapsedMs:0.0} ms: {Code}")]
    private partial void LogFailed(string message, double elapsedMs, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message} failed after {ElapsedMs:0.0} ms")]
    private partial void LogError(Exception ex, string message, double elapsedMs);
}
