using ExpertSupport.Web.Pages.Plans;
using Mediator;

namespace ExpertSupport.Web.Pages.Plans;

public sealed class CompanyListModel(ISender sender) : PlanListModel(sender);
