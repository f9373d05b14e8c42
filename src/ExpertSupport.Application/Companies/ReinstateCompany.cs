using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Companies;

/// <summary>The office lifts a suspension; the company can create plans and book again.</summary>
[OfficeOnly]
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
