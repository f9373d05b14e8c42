namespace ExpertSupport.Domain.Common;

/// <summary>The four roles of the programme. Office and Admin are separate people (four eyes).</summary>
public static class Roles
{
    public const string Company = "Company";
    public const string Expert = "Expert";
    public const string Office = "Office";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Company, Expert, Office, Admin];
}
