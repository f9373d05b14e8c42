using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Companies;

/// <summary>The company's refusals, in words the company understands.</summary>
public static class CompanyErrors
{
    public static readonly Error Suspended =
        Error.Conflict("company.suspended");

    public static readonly Error AlreadySuspended = Error.Conflict("company.already_suspended");

    /// <summary>Reinstating a company that is not suspended: it is already in use (a reinstatement already happened).</summary>
    public static readonly Error AlreadyActive = Error.Conflict("company.already_active");

    public static readonly Error ReasonRequired = Error.Invalid("company.reason_required", "reason");

    public static Error NotSme(string explanation) =>
        Error.Conflict("company.not_sme", explanation);
}
