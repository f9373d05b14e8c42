using System.Security.Claims;
using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ExpertSupport.Web.Pages;

internal static class PageExtensions
{
    /// <summary>
    /// Shows a use case's errors on the form: an error naming a field goes beside that field
    /// (Input.HourlyFee for "hourlyFee"), the others at the top of the form; a message already shown is not repeated.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, Result result, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            // The input boundary may already have put the same refusal beside the field it was typed in.
            if (modelState.Values.Any(v => v.Errors.Any(e => e.ErrorMessage == error.Message))) continue;
            var key = error.Field is null ? "" : $"{prefix}.{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}";
            modelState.AddModelError(key, error.Message);
        }
    }

    /// <summary>Where each role starts.</summary>
    public static string HomePath(this ClaimsPrincipal user) => HomePath(user.IsInRole);

    public static string HomePath(Func<string, bool> isInRole) =>
        isInRole(Roles.Admin) ? "/Admin"
        : isInRole(Roles.Office) ? "/Office"
        : isInRole(Roles.Expert) ? "/Expert"
        : isInRole(Roles.Company) ? "/Company"
        : "/";
}
