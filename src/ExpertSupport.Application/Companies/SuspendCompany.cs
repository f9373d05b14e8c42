using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Companies;

/// <summary>The office stops a company from creating plans and booking; its history stays. The company is told why.</summary>
public sealed record SuspendCompanyCommand(Guid CompanyId, string Reason) : ICommand<Result>;

public sealed class SuspendCompanyValidator : AbstractValidator<SuspendCompanyCommand>
{
    public SuspendCompanyValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("利用停止の理由を入力してください。").MaximumLength(2000);
}

public sealed class SuspendCompanyHandler(AppDbContext db, ICurrentUser user, Outbox outbox, TimeProvider clock)
    : ICommandHandler<SuspendCompanyCommand, Result>
{
    public async ValueTask<Result> Handle(SuspendCompanyCommand cmd, CancellationToken ct)
    {
        if (!user.IsOffice()) return CompanyAccess.OfficeOnly;
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Id == cmd.CompanyId, ct);
        if (company is null) return CompanyAccess.NotFound;
        var result = company.Suspend(user.RequiredId(), cmd.Reason, clock.GetUtcNow());
        if (result.IsFailure) return result;
        await CompanyEmails.SendAsync(db, outbox, company, "【ExpertSupport】ご利用停止のお知らせ",
            "事務局の判断により、ExpertSupport のご利用を一時停止しました。\n" +
            "停止中は、新しい支援計画の作成や予約ができません。これまでの記録はそのまま残ります。\n\n" +
            $"理由:\n{company.StatusReason}\n\nご不明な点は事務局までお問い合わせください。\n", ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}

/// <summary>The office lifts a suspension; the company can create plans and book again.</summary>
public sealed record ReinstateCompanyCommand(Guid CompanyId, string? Reason) : ICommand<Result>;

public sealed class ReinstateCompanyValidator : AbstractValidator<ReinstateCompanyCommand>
{
    public ReinstateCompanyValidator() => RuleFor(c => c.Reason).MaximumLength(2000);
}

public sealed class ReinstateCompanyHandler(AppDbContext db, ICurrentUser user, Outbox outbox, TimeProvider clock)
    : ICommandHandler<ReinstateCompanyCommand, Result>
{
    public async ValueTask<Result> Handle(ReinstateCompanyCommand cmd, CancellationToken ct)
    {
        if (!user.IsOffice()) return CompanyAccess.OfficeOnly;
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Id == cmd.CompanyId, ct);
        if (company is null) return CompanyAccess.NotFound;
        var result = company.Reinstate(user.RequiredId(), cmd.Reason, clock.GetUtcNow());
        if (result.IsFailure) return result;
        await CompanyEmails.SendAsync(db, outbox, company, "【ExpertSupport】ご利用再開のお知らせ",
            "ExpertSupport のご利用停止を解除しました。支援計画の作成や予約が再びできます。\n", ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}

internal static class CompanyEmails
{
    public static async Task SendAsync(AppDbContext db, Outbox outbox, Company company, string subject, string body, CancellationToken ct)
    {
        var account = await db.Users.Where(u => u.Id == company.UserId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(ct);
        if (account.Email is null) return;
        outbox.Email(account.Email, subject, $"{company.Name}\n{account.DisplayName} 様\n\nExpertSupport 事務局です。\n{body}\nExpertSupport 事務局\n");
    }
}
