using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Contract;

public sealed partial class ApiContractTests
{
    /// <summary>Sign-up, log-in, password reset and the public quote (anonymous); office accounts (Admin); programme rounds (Office).</summary>
    private async Task AccountsAndRoundsAsync()
    {
        using var anonymous = App.CreateClient();
        var email = $"contract-{Guid.NewGuid():N}@test.example.jp";
        await Ok(anonymous, "RegisterAccount", "/api/auth/register", new { email, password = "Valid-pass-1234", displayName = "契約 太郎", role = "Company" });
        await Ok(anonymous, "Login", "/api/auth/login", new { email, password = "Valid-pass-1234" });
        await Ok(anonymous, "RequestPasswordReset", "/api/auth/forgot-password", new { email });
        var token = await ResetTokenAsync(email);
        await Ok(anonymous, "ResetPassword", "/api/auth/reset-password", new { email, token, newPassword = "Brand-new-pass-9" });
        await Ok(anonymous, "GetSubsidyQuote", "/api/subsidy/quote?hourlyRate=5000&minutes=90&companySubsidyUsed=0&expertSubsidyUsed=0");

        using var admin = await Login(Roles.Admin);
        await Ok(admin, "GetCurrentUser", "/api/me");
        await Ok(admin, "ListOfficeUsers", "/api/admin/office-users");
        await Ok(admin, "CreateOfficeUser", "/api/admin/office-users",
            new { email = $"office-{Guid.NewGuid():N}@test.example.jp", displayName = "事務局 契約", initialPassword = "Office-pass-123" });
        var leaving = await App.CreateUserAsync(Roles.Office);
        await Ok(admin, "DisableOfficeUser", $"/api/admin/office-users/{leaving.Id}/disable", new { reason = "退職のため" });
        await Ok(admin, "EnableOfficeUser", $"/api/admin/office-users/{leaving.Id}/enable", new { reason = "復職のため" });

        using var office = await Login(Roles.Office);
        var rounds = await Ok(office, "ListProgrammeRounds", "/api/office/rounds");
        await Ok(office, "GetProgrammeRound", $"/api/office/rounds/{rounds[0].GetProperty("id").GetGuid()}");
        var future = ProgrammeRoundSettings.DefaultFor(new DateOnly(2040, 6, 1));
        var created = await Ok(office, "CreateProgrammeRound", "/api/office/rounds", future);
        await Ok(office, "UpdateProgrammeRound", $"/api/office/rounds/{created.GetGuid()}", future with { Budget = future.Budget + new Yen(1) });
        await Ok(office, "GetCapOverview", "/api/office/caps?holder=experts");
        await Ok(office, "GetOfficeDashboard", "/api/office/dashboard");
        await Ok(office, "ListMyTasks", "/api/me/tasks");
    }

    private async Task<string> ResetTokenAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(email))!);
    }
}
