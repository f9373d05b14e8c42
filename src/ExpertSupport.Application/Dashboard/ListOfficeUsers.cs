using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Dashboard;

/// <summary>TwoFactorEnabled: the account has an authenticator; false until its first sign-in enrols one (or after a reset).</summary>
public sealed record OfficeUserRow(Guid Id, string Email, string DisplayName, DateTimeOffset CreatedAt, bool LockedOut, bool TwoFactorEnabled);

/// <summary>The Admin's list of office accounts.</summary>
[AdminOnly]
public sealed record ListOfficeUsersQuery : IQuery<IReadOnlyList<OfficeUserRow>>;

public sealed class ListOfficeUsersHandler(AppDbContext db, TimeProvider clock)
    : IQueryHandler<ListOfficeUsersQuery, IReadOnlyList<OfficeUserRow>>
{
    public async ValueTask<IReadOnlyList<OfficeUserRow>> Handle(ListOfficeUsersQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.Office
            orderby u.CreatedAt
            select new OfficeUserRow(u.Id, u.Email!, u.DisplayName, u.CreatedAt, u.LockoutEnd != null && u.LockoutEnd > now, u.TwoFactorEnabled)
        ).ToListAsync(ct);
    }
}
