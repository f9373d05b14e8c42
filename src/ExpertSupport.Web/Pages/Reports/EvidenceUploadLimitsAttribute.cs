using ExpertSupport.Application.Reports;
using ExpertSupport.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace ExpertSupport.Web.Pages.Reports;

/// <summary>
/// Reads a report form with evidence under the upload limits before anything else reads it (the antiforgery check
/// reads the form too, so this runs first, as an early authorization-stage filter). A body beyond even the raised
/// limit comes back to the form with a clear message instead of a bare 400, 413 or 500.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class EvidenceUploadLimitsAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string UploadErrorKey = "UploadError";

    public int Order => -10_000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType) return;
        var limits = http.RequestServices.GetRequiredService<IOptions<EvidenceOptions>>().Value;
        var form = await EvidenceUploads.ReadFormAsync(http.Request, limits, http.RequestAborted);
        if (form.IsSuccess) return;
        var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
        tempData[UploadErrorKey] = form.FirstError.Message;
        context.Result = new RedirectResult(http.Request.Path + http.Request.QueryString);
    }
}
