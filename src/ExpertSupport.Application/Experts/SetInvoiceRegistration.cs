using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Invoices;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

/// <summary>An expert's registration number as it stands: the number (normalised) and whether the office verified it.</summary>
public sealed record InvoiceRegistrationView(string? RegistrationNumber, DateTimeOffset? VerifiedAt, bool InvoiceRegistered);

/// <summary>
/// The expert records (or, with an empty value, clears) their invoice registration number. Full-width digits, a lower-case
/// t, spaces and hyphens are normalised; a wrong prefix, length or check digit is a 400 on <c>registrationNumber</c>.
/// A new number waits for the office's verification again; saving the same number changes nothing.
/// </summary>
[ExpertOnly]
public sealed record SetInvoiceRegistrationCommand(string? RegistrationNumber) : ICommand<Result<InvoiceRegistrationView>>;

public sealed class SetInvoiceRegistrationHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SetInvoiceRegistrationCommand, Result<InvoiceRegistrationView>>
{
    public async ValueTask<Result<InvoiceRegistrationView>> Handle(SetInvoiceRegistrationCommand cmd, CancellationToken ct)
    {
        var parsed = InvoiceRegistrationNumber.Parse(cmd.RegistrationNumber);
        if (parsed.IsFailure) return Result<InvoiceRegistrationView>.Failure(parsed.Errors);
        var expert = await db.Experts.OwnedBy(user).SingleOrDefaultAsync(ct);
        if (expert is null) return ExpertAccess.NotFound;
        expert.SetInvoiceRegistration(parsed.Value, user.RequiredId(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new InvoiceRegistrationView(expert.InvoiceRegistrationNumber, expert.InvoiceRegistrationVerifiedAt, expert.IsInvoiceRegistered);
    }
}
