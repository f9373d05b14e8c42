using ExpertSupport.Domain.Plans;
using ExpertSupport.Web.Pages.Plans;
using Mediator;

namespace ExpertSupport.Web.Pages.Plans;

/// <summary>The office's queue: submitted plans, oldest submission first (another status on request).</summary>
public sealed class OfficeListModel(ISender sender) : PlanListModel(sender)
{
    protected override SupportPlanStatus? DefaultStatus => SupportPlanStatus.Submitted;
}
