using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ExpertSupport.Web.Auth;

/// <summary>
/// Pages live with their feature (Pages/Bookings/OfficeList.cshtml) but keep the URL of the role they serve
/// (/Office/Bookings). Who may open a page is decided by that URL's first segment, so a page can never end up in the
/// wrong role's hands by where its file sits: /Company, /Expert, /Office and /Admin need their role, /Public is open;
/// everything else needs a login (the fallback policy) unless its folder is opened below.
/// </summary>
internal sealed class AuthorizeByUrl : IPageRouteModelConvention
{
    private static readonly Dictionary<string, string> PolicyOfArea = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Company"] = Policies.Company,
        ["Expert"] = Policies.Expert,
        ["Office"] = Policies.Office,
        ["Admin"] = Policies.Admin,
    };

    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors)
        {
            var area = selector.AttributeRouteModel?.Template?.Split('/')[0];
            if (area is null) continue;
            if (PolicyOfArea.TryGetValue(area, out var policy)) selector.EndpointMetadata.Add(new AuthorizeAttribute(policy));
            else if (area.Equals("Public", StringComparison.OrdinalIgnoreCase)) selector.EndpointMetadata.Add(new AllowAnonymousAttribute());
        }
    }
}
