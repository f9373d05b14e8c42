using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Dashboard;

/// <summary>What a company sees first: its profile summary.</summary>
public sealed record CompanyHome(bool HasProfile, Guid? CompanyId, string? Name, short? PrefectureCode, string? Status);

[CompanyOnly]
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
