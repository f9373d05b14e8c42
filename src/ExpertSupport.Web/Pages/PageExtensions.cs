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
    public static void AddErrors(this ModelStateDictionary modelState, Result result, string prefix = "Input") =>
        modelState.AddErrors(result, field => KeyOf(prefix, field));

    /// <summary>
    /// The same, for a form whose fields are not named after the use case's: <paramref name="keyOf"/> gives the form key
    /// of an error's field, or null to show it at the top of the form. The one place page models turn errors into
    /// ModelState entries.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, Result result, Func<string, string?> keyOf)
    {
        foreach (var error in result.Errors)
        {
            // The input boundary may already have put the same refusal beside the field it was typed in.
            if (modelState.Values.Any(v => v.Errors.Any(e => e.ErrorMessage == error.Message))) continue;
            modelState.AddModelError(error.Field is null ? "" : keyOf(error.Field) ?? "", error.Message);
        }
    }

    /// <summary>The form key of a use case's field: "hourlyFee" under "Input" is Input.HourlyFee.</summary>
    public static string KeyOf(string prefix, string field)
    {
        var property = $"{char.ToUpperInvariant(field[0])}{field[1..]}";
        return prefix.Length == 0 ? property : $"{prefix}.{property}";
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
