using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Invoices;

public static class InvoiceErrors
{
    public static readonly Error RegistrationNumberShape = Error.Invalid("invoice.registration_number_shape", "registrationNumber");

    public static readonly Error RegistrationNumberCheckDigit = Error.Invalid("invoice.registration_number_check_digit", "registrationNumber");

    public static readonly Error NoRegistrationNumber = Error.Conflict("invoice.no_registration_number");

    public static readonly Error AlreadyVerified = Error.Conflict("invoice.registration_already_verified");

    public static readonly Error DocumentNotFound = Error.NotFound("documents.not_found");

    public static readonly Error AlreadyCorrected = Error.Conflict("documents.already_corrected");

    public static readonly Error CorrectionReasonRequired = Error.Invalid("documents.reason_required", "reason");
}
