using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Dashboard;

/// <summary>
/// TwoFactorEnabled: the account has an authenticator; false until its first sign-in enrols one (or after a reset).
/// Disabled: the Admin turned the account off (a lockout without end); LockedOut: too many wrong passwords, for a while.
/// </summary>
public sealed record OfficeUserRow(Guid Id, string Email, string DisplayName, DateTimeOffset CreatedAt, bool LockedOut, bool TwoFactorEnabled, bool Disabled);

/// <summary>The Admin's list of office accounts.</summary>
[AdminOnly]
public sealed record ListOfficeUsersQuery : IQuery<IReadOnlyList<OfficeUserRow>>;

public sealed class ListOfficeUsersHandler(AppDbContext db, TimeProvider clock)
    : IQueryHandler<ListOfficeUsersQuery, IReadOnlyList<OfficeUserRow>>
{
    public async ValueTask<IReadOnlyList<OfficeUserRow>> Handle(ListOfficeUsersQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var disabled = Accounts.SetOfficeAccountEnabledHandler.DisabledUntil;
        return await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.Office
            orderby u.CreatedAt
            select new OfficeUserRow(u.Id, u.Email!, u.DisplayName, u.CreatedAt, u.LockoutEnd != null && u.LockoutEnd > now && u.LockoutEnd != disabled,
                u.TwoFactorEnabled, u.LockoutEnd == disabled)
        ).ToListAsync(ct);
    }
}
