namespace ExpertSupport.Application.Notifications;

/// <summary>
/// Where people reach the app from outside (section "Links"): e-mails link to the page they are about with it. Set
/// <c>Links__PublicUrl</c> to the address users type (https://… in production); the default is the development server.
/// </summary>
public sealed class LinkOptions
{
    public const string Section = "Links";

    public string PublicUrl { get; set; } = "http://localhost:5077";
}
