using ExpertSupport.Application.Common;
using ExpertSupport.Application.Companies;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Reference;
using ExpertSupport.Domain.Subsidies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>The company's approved plans it can book sessions under (the booking form's starting points).</summary>
public sealed record PlanToBook(Guid Id, string Title, string ExpertName, Yen HourlyFee, DateOnly StartDate, DateOnly EndDate);

[CompanyOnly]
public sealed record ListPlansToBookQuery : IQuery<IReadOnlyList<PlanToBook>>;

public sealed class ListPlansToBookHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListPlansToBookQuery, IReadOnlyList<PlanToBook>>
{
    public async ValueTask<IReadOnlyList<PlanToBook>> Handle(ListPlansToBookQuery query, CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        return await (
            from p in db.SupportPlans.AsNoTracking()
            join c in db.Companies.OwnedBy(user) on p.CompanyId equals c.Id
            join e in db.Experts on p.ExpertId equals e.Id
            where p.Status == SupportPlanStatus.Approved && p.EndDate >= today && e.Status == ExpertStatus.Approved
            orderby p.EndDate
            select new PlanToBook(p.Id, p.Title, e.DisplayName, p.HourlyFee, p.StartDate, p.EndDate)).ToListAsync(ct);
    }
}
