using ExpertSupport.Application.Common;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;

namespace ExpertSupport.Application.Experts;

/// <summary>Who may see which expert's full profile. Anything outside these answers "not found", never "forbidden".</summary>
public static class ExpertAccess
{
    /// <summary>The signed-in user's own expert profile (none for anybody else).</summary>
    public static IQueryable<Expert> OwnedBy(this IQueryable<Expert> experts, ICurrentUser user)
    {
        var userId = user.Id;
        return experts.Where(e => e.UserId == userId);
    }

    /// <summary>The office sees every expert in full; an expert sees their own. Companies search through <see cref="ExpertQueries.Bookable"/>.</summary>
    public static IQueryable<Expert> VisibleTo(this IQueryable<Expert> experts, ICurrentUser user) =>
        user.IsOffice() ? experts : experts.OwnedBy(user);

    public static readonly Error NotFound = Error.NotFound("expert.not_found");

    public static readonly Error ChangeRequestNotFound = Error.NotFound("change_request.not_found");
}
