using ExpertSupport.Web.Pages.Plans;
using Mediator;

namespace ExpertSupport.Web.Pages.Company.Plans;

public sealed class IndexModel(ISender sender) : PlanListModel(sender);
