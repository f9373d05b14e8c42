using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Localization;

namespace ExpertSupport.Web;

/// <summary>
/// At the web edge an error has a message: its text in the request's language. Inside the domain and the use cases it
/// has none (a code and arguments only), so nothing below the edge can show a fixed language by mistake.
/// </summary>
public static class ErrorMessages
{
    extension(Error error)
    {
        /// <summary>The text in the request's language (<see cref="System.Globalization.CultureInfo.CurrentUICulture"/>).</summary>
        public string Message => ErrorText.Render(error);
    }
}
