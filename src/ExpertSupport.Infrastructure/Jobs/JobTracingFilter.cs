using System.Diagnostics;
using ExpertSupport.Application.Common;
using Hangfire.Client;
using Hangfire.Server;

namespace ExpertSupport.Infrastructure.Jobs;

/// <summary>
/// A span per Hangfire job run ("job BookingReminderJob.Send"), on the app's ActivitySource. A job enqueued during a
/// request carries that request's trace context as a job parameter, so the run joins the request's trace; a recurring
/// run starts a trace of its own. Hangfire filters are process-wide, hence no per-app state here.
/// </summary>
internal sealed class JobTracingFilter : IClientFilter, IServerFilter
{
    private const string TraceParent = "traceparent";
    private const string ActivityKey = "expertsupport.activity";

    public void OnCreating(CreatingContext context)
    {
        if (Activity.Current is { } current) context.SetJobParameter(TraceParent, current.Id);
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob.Job;
        var name = $"job {job.Type.Name}.{job.Method.Name}";
        var parent = context.GetJobParameter<string>(TraceParent);
        var activity = parent is not null && ActivityContext.TryParse(parent, null, out var parentContext)
            ? AppTelemetry.Source.StartActivity(name, ActivityKind.Consumer, parentContext)
            : AppTelemetry.Source.StartActivity(name, ActivityKind.Consumer);
        if (activity is null) return;
        activity.SetTag("messaging.system", "hangfire");
        activity.SetTag("messaging.message.id", context.BackgroundJob.Id);
        context.Items[ActivityKey] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        if (!context.Items.TryGetValue(ActivityKey, out var item) || item is not Activity activity) return;
        if (context.Exception is { } ex && !context.ExceptionHandled)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity.AddException(ex);
        }
        activity.Dispose();
    }
}
