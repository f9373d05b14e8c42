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
[OfficeOnly]
public sealed record SuspendCompanyCommand(Guid CompanyId, string Reason) : ICommand<Result>;

public sealed class SuspendCompanyValidator : AbstractValidator<SuspendCompanyCommand>
{
    public SuspendCompanyValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithError(new("input.suspension_reason_required")).MaximumLength(2000);
}

public sealed class SuspendCompanyHandler(AppDbContext db, ICurrentUser user, Outbox outbox, TimeProvider clock)
    : ICommandHandler<SuspendCompanyCommand, Result>
{
    public async ValueTask<Result> Handle(SuspendCompanyCommand cmd, CancellationToken ct)
    {
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
