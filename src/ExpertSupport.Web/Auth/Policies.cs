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

    public static AuthorizationBuilder AddPolicies(this AuthorizationBuilder builder) => builder
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(Company, p => p.RequireRole(Roles.Company))
        .AddPolicy(Expert, p => p.RequireRole(Roles.Expert))
        .AddPolicy(Office, p => p.RequireRole(Roles.Office))
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
        .AddPolicy(BookingParties, p => p.RequireRole(Roles.Company, Roles.Expert))
        .AddPolicy(Operations, p => p.RequireRole(Roles.Office, Roles.Admin));
}
