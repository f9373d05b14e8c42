using System.Reflection;
using ExpertSupport.Domain.Common;
using Mediator;

namespace ExpertSupport.Application.Common.Behaviors;

/// <summary>
/// Reads the request's <see cref="RequiresRoleAttribute"/> and refuses a user it does not admit before anything else
/// looks at the request: a use case returning a Result gets <see cref="AuthErrors.RoleRequired"/> (a page shows it, the
/// API answers 403), any other a <see cref="RoleRequiredException"/> (also 403). A request marked
/// <see cref="AnySignedInAttribute"/> or <see cref="AnyoneAttribute"/> has no role rule and scopes its data by owner itself.
/// </summary>
public sealed class RoleBehavior<TMessage, TResponse>(ICurrentUser user) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    // Read once per request type: a static field of a generic class exists once per closed type.
    private static readonly RequiresRoleAttribute? Rule = typeof(TMessage).GetCustomAttribute<RequiresRoleAttribute>();

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Rule is null || Rule.Admits(user)) return next(message, cancellationToken);
        return ResultFactory<TResponse>.Failure is { } fail
            ? ValueTask.FromResult(fail([AuthErrors.RoleRequired]))
            : throw new RoleRequiredException(typeof(TMessage).Name);
    }
}

/// <summary>The same for streamed queries (the CSV exports): refused before the first row is read.</summary>
public sealed class RoleStreamBehavior<TMessage, TResponse>(ICurrentUser user) : IStreamPipelineBehavior<TMessage, TResponse>
    where TMessage : IStreamMessage
{
    private static readonly RequiresRoleAttribute? Rule = typeof(TMessage).GetCustomAttribute<RequiresRoleAttribute>();

    public IAsyncEnumerable<TResponse> Handle(TMessage message, StreamHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        Rule is null || Rule.Admits(user) ? next(message, cancellationToken) : throw new RoleRequiredException(typeof(TMessage).Name);
}

/// <summary>
/// A refused role on a use case that cannot return a Result. An <see cref="UnauthorizedAccessException"/>, so the API's
/// exception handler answers 403 as it does for any refused access; it carries the error for the problem's code.
/// </summary>
public sealed class RoleRequiredException(string request)
    : UnauthorizedAccessException($"{request}: the signed-in user's role may not send it.")
{
    public Error Error => AuthErrors.RoleRequired;
}
