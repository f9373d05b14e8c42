using ExpertSupport.Domain.Plans;
using ExpertSupport.Web.Pages.Plans;
using Mediator;

namespace ExpertSupport.Web.Pages.Office.Plans;

/// <summary>The office's queue: submitted plans, oldest submission first (another status on request).</summary>
public sealed class IndexModel(ISender sender) : PlanListModel(sender)
{
    protected override SupportPlanStatus? DefaultStatus => SupportPlanStatus.Submitted;
}
