using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ExpertSupport.Infrastructure.Seeding;

/// <summary>
/// What every database needs, in every environment: the four roles, and (when configured with
/// Admin:Email and Admin:Password) a first Admin who then creates the office accounts.
/// </summary>
public sealed partial class IdentitySeeder(RoleManager<AppRole> roles, UserManager<AppUser> users, IConfiguration config, TimeProvider clock, ILogger<IdentitySeeder> log)
{
    public async Task EnsureAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new AppRole(role));
        }

        var email = config["Admin:Email"];
        var password = config["Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password)) return;
        if (await users.FindByEmailAsync(email) is not null) return;

        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "管理者", CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
            throw new InvalidOperationException("The configured Admin could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, Roles.Admin);
        LogAdminCreated(email);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first Admin {Email} from configuration")]
    private partial void LogAdminCreated(string email);
}
