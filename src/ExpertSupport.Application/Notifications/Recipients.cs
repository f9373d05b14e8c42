using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Notifications;

/// <summary>Someone an e-mail goes to: the account's address and the name to greet.</summary>
public sealed record Recipient(string? Email, string Name);

/// <summary>Who receives the mails of cases, plans and messages: the company's and the expert's accounts, and the office.</summary>
internal static class Recipients
{
    public static async Task<Recipient> CompanyAsync(AppDbContext db, Guid companyId, CancellationToken ct) =>
        await (from c in db.Companies
               join u in db.Users on c.UserId equals u.Id
               where c.Id == companyId
               select new Recipient(u.Email, c.Name)).SingleAsync(ct);

    public static async Task<Recipient> ExpertAsync(AppDbContext db, Guid expertId, CancellationToken ct) =>
        await (from e in db.Experts
               join u in db.Users on e.UserId equals u.Id
               where e.Id == expertId
               select new Recipient(u.Email, e.DisplayName)).SingleAsync(ct);

    /// <summary>Every office account: the programme office works as a team on one queue.</summary>
    public static async Task<IReadOnlyList<Recipient>> OfficeAsync(AppDbContext db, CancellationToken ct) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == Roles.Office && u.Email != null
               orderby u.Email
               select new Recipient(u.Email, u.DisplayName)).ToListAsync(ct);

    /// <summary>Queues a plain Japanese letter: greeting, the body, the office's signature. No address, no mail.</summary>
    public static void Letter(this Outbox outbox, Recipient to, string subject, string body)
    {
        if (string.IsNullOrEmpty(to.Email)) return;
        outbox.Email(to.Email, subject, $"{to.Name} 様\n\nExpertSupport 事務局です。\n{body}\nExpertSupport 事務局\n");
    }
}
