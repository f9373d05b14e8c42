using System.Diagnostics;
using ExpertSupport.Domain.Common;
using Mediator;

namespace ExpertSupport.Application.Common.Behaviors;

/// <summary>
/// One span per command or query, named after its message type (RequestBookingCommand), so a trace shows which use
/// case a request ran and the SQL it sent beneath it. A refusal (a failed Result) is marked with its error code; an
/// exception marks the span as an error. Costs nothing when no listener samples the source.
/// </summary>
public sealed class TracingBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string SpanName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = AppTelemetry.Source.StartActivity(SpanName);
        if (activity is null) return await next(message, cancellationToken);

        activity.SetTag("expertsupport.message", SpanName);
        try
        {
            var response = await next(message, cancellationToken);
            if (response is Result { IsFailure: true } failed)
                activity.SetTag("expertsupport.error_code", failed.FirstError.Code);
            return response;
        }
        catch (InvalidRequestException refused)
        {
            // The caller's mistake, not ours: the span says which rule, but is not an error.
            activity.SetTag("expertsupport.error_code", refused.Errors[0].Code);
            throw;
        }
        catch (RoleRequiredException refused)
        {
            activity.SetTag("expertsupport.error_code", refused.Error.Code);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity.AddException(ex);
            throw;
        }
    }
}
