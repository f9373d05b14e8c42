using ExpertSupport.Application.Common;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages;

/// <summary>
/// The input boundary of the pages: what a page binds from the request (its [BindProperty] models and its handler's
/// arguments) is walked once against <see cref="InputRules"/>. A form post keeps going with the errors beside its
/// fields — every use case it sends refuses the same values (the mediator's input boundary), so the page shows its form
/// with the errors as it does for any refusal. A link (GET) with such a value gets the friendly 400 page.
/// </summary>
internal sealed class InputBoundaryPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var modelState = context.ModelState;
        var errors = context.HandlerArguments.SelectMany(a => InputInspector.Inspect(a.Value, a.Key, InputInspection.Form))
            .Concat(context.ActionDescriptor.BoundProperties.OfType<PageBoundPropertyDescriptor>()
                .SelectMany(p => InputInspector.Inspect(p.Property.GetValue(context.HandlerInstance), p.BindingInfo?.BinderModelName ?? p.Name, InputInspection.Form)))
            // Only what this request bound: a model's defaults (a section of the page that was not posted) are not input.
            .Where(e => e.Field is not null && modelState.ContainsKey(e.Field))
            .ToList();
        if (errors.Count == 0) return next();

        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method))
            throw new InvalidRequestException(errors);
        foreach (var error in errors) modelState.AddModelError(error.Field!, error.Message);
        return next();
    }
}
