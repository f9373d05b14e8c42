using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Authorization;

namespace ExpertSupport.Web.Auth;

/// <summary>One policy per role. Office and Admin are different people: the Admin manages accounts, the office runs the programme.</summary>
internal static class Policies
{
    public const string Company = "Company";
    public const string Expert = "Expert";
    public const string Office = "Office";
    public const string Admin = "Admin";
    /// <summary>The two sides of a booking: companies and experts.</summary>
    public const string BookingParties = "BookingParties";
    /// <summary>The Hangfire dashboard: operations staff of either office role.</summary>
    public const string Operations = "Operations";
    /// <summary>Approving and exporting a batch: an office user whose last code is recent (step-up).</summary>
    public const string FreshSecondFactor = "FreshSecondFactor";

    public static AuthorizationBuilder AddPolicies(this AuthorizationBuilder builder) => builder
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(Company, p => p.RequireRole(Roles.Company))
        .AddPolicy(Expert, p => p.RequireRole(Roles.Expert))
        // Office and Admin move public money and accounts: a password alone never opens their doors.
        .AddPolicy(Office, p => p.RequireRole(Roles.Office).AddRequirements(new SecondFactorRequirement()))
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin).AddRequirements(new SecondFactorRequirement()))
        .AddPolicy(BookingParties, p => p.RequireRole(Roles.Company, Roles.Expert))
        .AddPolicy(Operations, p => p.RequireRole(Roles.Office, Roles.Admin).AddRequirements(new SecondFactorRequirement()))
        .AddPolicy(FreshSecondFactor, p => p.RequireRole(Roles.Office).AddRequirements(new SecondFactorRequirement(), new FreshSecondFactorRequirement()));
}
