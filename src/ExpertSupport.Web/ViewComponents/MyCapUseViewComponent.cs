using ExpertSupport.Application.Subsidies;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ExpertSupport.Web.ViewComponents;

/// <summary>
/// The signed-in company's or expert's cap use in the active round, for their home page. A view component so
/// that a home page includes it with one line and keeps its own page model untouched.
/// </summary>
public sealed class MyCapUseViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await sender.Send(new GetMyCapUseQuery(), HttpContext.RequestAborted));
}
