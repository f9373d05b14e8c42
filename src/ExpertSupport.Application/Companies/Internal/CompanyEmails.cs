using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Companies;

internal static class CompanyEmails
{
    public static async Task SendAsync(AppDbContext db, Outbox outbox, Company company, string subject, string body, CancellationToken ct)
    {
        var account = await db.Users.Where(u => u.Id == company.UserId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(ct);
        if (account.Email is null) return;
        // Every one of these is about the company's own registration (SME result, suspension): it opens on its profile.
        outbox.Email(account.Email, subject,
            $"{company.Name}\n{account.DisplayName} 様\n\nExpertSupport 事務局です。\n{body}\n{outbox.OpenLine("/Company/Profile")}\n\nExpertSupport 事務局\n");
    }
}
