using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Common;

/// <summary>Who is asking. Every handler that touches a company's or expert's data checks it.</summary>
public interface ICurrentUser
{
    Guid? Id { get; }
    bool IsInRole(string role);
}

public static class CurrentUserExtensions
{
    public static Guid RequiredId(this ICurrentUser user) =>
        user.Id ?? throw new InvalidOperationException("This use case needs a signed-in user.");

    public static bool IsOffice(this ICurrentUser user) => user.IsInRole(Roles.Office) || user.IsInRole(Roles.Admin);
}
