using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Companies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Companies;

public sealed record CompanyDetail(CompanyProfileView Profile, string? AccountEmail, string AccountName, IReadOnlyList<AuditRow> History);

/// <summary>What the office sees on a company's page: the whole profile, the account, and the audit trail.</summary>
[OfficeOnly]
public sealed record GetCompanyDetailQuery(Guid CompanyId) : IQuery<CompanyDetail?>;

public sealed class GetCompanyDetailHandler(AppDbContext db) : IQueryHandler<GetCompanyDetailQuery, CompanyDetail?>
{
    public async ValueTask<CompanyDetail?> Handle(GetCompanyDetailQuery query, CancellationToken ct)
    {
        var profile = await db.Companies.AsNoTracking().Where(c => c.Id == query.CompanyId)
            .Select(GetCompanyProfileHandler.Projection).SingleOrDefaultAsync(ct);
        if (profile is null) return null;
        var account = await (
            from c in db.Companies
            where c.Id == query.CompanyId
            join u in db.Users on c.UserId equals u.Id
            select new { u.Email, u.DisplayName }
        ).SingleAsync(ct);
        var history = await AuditTrail.ForAsync(db, [nameof(Company)], [profile.Id], ct);
        return new CompanyDetail(profile, account.Email, account.DisplayName, history);
    }
}
