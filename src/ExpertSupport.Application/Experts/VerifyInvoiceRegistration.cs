using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

/// <summary>
/// The office has looked the expert's number up in the public register (国税庁 適格請求書発行事業者公表サイト) and marks it
/// verified (audited, with who and when). From then on invoices in the expert's name are qualified invoices and companies
/// see the expert as registered. 409 when there is no number or it is already verified.
/// </summary>
[OfficeOnly]
public sealed record VerifyInvoiceRegistrationCommand(Guid ExpertId) : ICommand<Result<InvoiceRegistrationView>>;

public sealed class VerifyInvoiceRegistrationHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<VerifyInvoiceRegistrationCommand, Result<InvoiceRegistrationView>>
{
    public async ValueTask<Result<InvoiceRegistrationView>> Handle(VerifyInvoiceRegistrationCommand cmd, CancellationToken ct)
    {
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == cmd.ExpertId, ct);
        if (expert is null) return ExpertAccess.NotFound;
        var verified = expert.VerifyInvoiceRegistration(user.RequiredId(), clock.GetUtcNow());
        if (verified.IsFailure) return Result<InvoiceRegistrationView>.Failure(verified.Errors);
        await db.SaveChangesAsync(ct);
        return new InvoiceRegistrationView(expert.InvoiceRegistrationNumber, expert.InvoiceRegistrationVerifiedAt, expert.IsInvoiceRegistered);
    }
}
