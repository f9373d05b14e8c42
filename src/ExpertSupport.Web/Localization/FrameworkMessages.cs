using ExpertSupport.Application.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ExpertSupport.Web.Localization;

/// <summary>
/// What MVC itself says about a form, in the reader's language. A value that does not bind (a word in a date field)
/// gets the generic input texts; a required value is the use case's to ask for, with its own words (お名前を入力して
/// ください。), so MVC no longer adds its English "The DisplayName field is required." for non-nullable strings.
/// </summary>
internal static class FrameworkMessages
{
    public static void Apply(MvcOptions options)
    {
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        Localize(options.ModelBindingMessageProvider);
    }

    private static void Localize(DefaultModelBindingMessageProvider messages)
    {
        // Called while binding, inside the request: CurrentUICulture is the reader's language.
        static string Required() => ErrorText.Render(InputRules.Required);
        static string Malformed() => ErrorText.Render(InputRules.Malformed);
        messages.SetMissingBindRequiredValueAccessor(_ => Required());
        messages.SetMissingKeyOrValueAccessor(Required);
        messages.SetMissingRequestBodyRequiredValueAccessor(Required);
        messages.SetValueMustNotBeNullAccessor(_ => Required());
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => Malformed());
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Malformed());
        messages.SetUnknownValueIsInvalidAccessor(_ => Malformed());
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(Malformed);
        messages.SetValueIsInvalidAccessor(_ => Malformed());
        messages.SetValueMustBeANumberAccessor(_ => Malformed());
        messages.SetNonPropertyValueMustBeANumberAccessor(Malformed);
    }
}
