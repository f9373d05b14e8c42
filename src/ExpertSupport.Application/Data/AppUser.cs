using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Application.Data;

/// <summary>A person who logs in. Their role says whether they act for a company, as an expert, or for the office.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";
    /// <summary>"ja" or "en": the language of e-mails and the default of the UI for this person.</summary>
    public string PreferredLanguage { get; set; } = "ja";
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() => Id = Guid.CreateVersion7();

    public AppRole(string name) : this() => Name = name;
}
