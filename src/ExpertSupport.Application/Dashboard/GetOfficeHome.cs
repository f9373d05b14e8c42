using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Dashboard;

/// <summary>The office's overview: what waits for it.</summary>
public sealed record OfficeHome(int Companies, int ApprovedExperts, int PendingExperts);

[OfficeOnly]
public sealed record GetOfficeHomeQuery : IQuery<OfficeHome>;

public sealed class GetOfficeHomeHandler(AppDbContext db) : IQueryHandler<GetOfficeHomeQuery, OfficeHome>
{
    public async ValueTask<OfficeHome> Handle(GetOfficeHomeQuery query, CancellationToken ct)
    {
        var companies = await db.Companies.CountAsync(ct);
        var approved = await db.Experts.CountAsync(e => e.Status == ExpertStatus.Approved, ct);
        var pending = await db.Experts.CountAsync(e => e.Status == ExpertStatus.Pending, ct);
        return new OfficeHome(companies, approved, pending);
    }
}
