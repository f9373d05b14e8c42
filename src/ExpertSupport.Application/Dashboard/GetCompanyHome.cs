using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Dashboard;

/// <summary>What a company sees first: its profile summary.</summary>
public sealed record CompanyHome(bool HasProfile, Guid? CompanyId, string? Name, short? PrefectureCode, string? Status);

public sealed record GetCompanyHomeQuery : IQuery<CompanyHome>;

public sealed class GetCompanyHomeHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetCompanyHomeQuery, CompanyHome>
{
    public async ValueTask<CompanyHome> Handle(GetCompanyHomeQuery query, CancellationToken ct)
    {
        var userId = user.RequiredId();
        var company = await db.Companies.AsNoTracking()
            .Where(c => c.UserId == userId)
            .Select(c => new { c.Id, c.Name, c.PrefectureCode, c.Status })
            .SingleOrDefaultAsync(ct);
        return company is null
            ? new CompanyHome(false, null, null, null, null)
            : new CompanyHome(true, company.Id, company.Name, company.PrefectureCode, company.Status.ToString());
    }
}

/// <summary>What an expert sees first: their vetting status and fee.</summary>
public sealed record ExpertHome(bool HasProfile, Guid? ExpertId, string? DisplayName, ExpertStatus? Status, string? StatusReason, long? HourlyFee);

public sealed record GetExpertHomeQuery : IQuery<ExpertHome>;

public sealed class GetExpertHomeHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetExpertHomeQuery, ExpertHome>
{
    public async ValueTask<ExpertHome> Handle(GetExpertHomeQuery query, CancellationToken ct)
    {
        var userId = user.RequiredId();
        var expert = await db.Experts.AsNoTracking()
            .Where(e => e.UserId == userId)
            .Select(e => new ExpertHome(true, e.Id, e.DisplayName, e.Status, e.StatusReason, e.HourlyFee))
            .SingleOrDefaultAsync(ct);
        return expert ?? new ExpertHome(false, null, null, null, null, null);
    }
}

/// <summary>The office's overview: what waits for it.</summary>
public sealed record OfficeHome(int Companies, int ApprovedExperts, int PendingExperts);

public sealed record GetOfficeHomeQuery : IQuery<OfficeHome>;

public sealed class GetOfficeHomeHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetOfficeHomeQuery, OfficeHome>
{
    public async ValueTask<OfficeHome> Handle(GetOfficeHomeQuery query, CancellationToken ct)
    {
        if (!user.IsOffice()) throw new UnauthorizedAccessException();
        var companies = await db.Companies.CountAsync(ct);
        var approved = await db.Experts.CountAsync(e => e.Status == ExpertStatus.Approved, ct);
        var pending = await db.Experts.CountAsync(e => e.Status == ExpertStatus.Pending, ct);
        return new OfficeHome(companies, approved, pending);
    }
}

public sealed record OfficeUserRow(Guid Id, string Email, string DisplayName, DateTimeOffset CreatedAt, bool LockedOut);

/// <summary>The Admin's list of office accounts.</summary>
public sealed record ListOfficeUsersQuery : IQuery<IReadOnlyList<OfficeUserRow>>;

public sealed class ListOfficeUsersHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListOfficeUsersQuery, IReadOnlyList<OfficeUserRow>>
{
    public async ValueTask<IReadOnlyList<OfficeUserRow>> Handle(ListOfficeUsersQuery query, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin)) throw new UnauthorizedAccessException();
        var now = clock.GetUtcNow();
        return await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.Office
            orderby u.CreatedAt
            select new OfficeUserRow(u.Id, u.Email!, u.DisplayName, u.CreatedAt, u.LockoutEnd != null && u.LockoutEnd > now)
        ).ToListAsync(ct);
    }
}
