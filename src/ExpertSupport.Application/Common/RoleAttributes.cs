using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Common;

/// <summary>
/// Who may send a request, written on the request itself; every request carries exactly one (a test reads them all),
/// so "nobody decided" cannot pass for "open to everyone". <see cref="RequiresRoleAttribute"/> is enforced once by
/// <see cref="Behaviors.RoleBehavior{TMessage, TResponse}"/>, whoever sends it (an endpoint, a page, a job, a test).
/// The endpoint and page policies already keep other roles out; this is the second lock, so a use case stays closed
/// when a new page or endpoint forgets its policy. Whose data a permitted user may see (a company only its own) is not
/// a role: handlers keep those checks.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public abstract class AccessAttribute : Attribute;

public abstract class RequiresRoleAttribute(params string[] allowedRoles) : AccessAttribute
{
    public IReadOnlyList<string> AllowedRoles { get; } = allowedRoles;

    /// <summary>Also a job, which runs with nobody signed in (anonymous web requests never reach a use case: the fallback policy).</summary>
    public bool AllowsJobs { get; set; }

    public bool Admits(ICurrentUser user) =>
        (AllowsJobs && user.Id is null) || AllowedRoles.Any(user.IsInRole);
}

/// <summary>The office (事務局) runs the programme; the Admin, who manages office accounts, may do what it does.</summary>
public sealed class OfficeOnlyAttribute() : RequiresRoleAttribute(Roles.Office, Roles.Admin);

/// <summary>Office accounts are created and listed by the Admin alone (four eyes: not by the office itself).</summary>
public sealed class AdminOnlyAttribute() : RequiresRoleAttribute(Roles.Admin);

public sealed class CompanyOnlyAttribute() : RequiresRoleAttribute(Roles.Company);

public sealed class ExpertOnlyAttribute() : RequiresRoleAttribute(Roles.Expert);

/// <summary>The two sides of a plan or case; the office reads their conversation but does not take part in it.</summary>
public sealed class CompanyOrExpertAttribute() : RequiresRoleAttribute(Roles.Company, Roles.Expert);

/// <summary>An expert's own change requests, and the office's queue of everyone's.</summary>
public sealed class ExpertOrOfficeAttribute() : RequiresRoleAttribute(Roles.Expert, Roles.Office, Roles.Admin);

/// <summary>Housekeeping a recurring job runs with nobody signed in; no person, whatever the role, sends it.</summary>
public sealed class JobOnlyAttribute : RequiresRoleAttribute
{
    public JobOnlyAttribute() => AllowsJobs = true;
}

/// <summary>
/// No role rule: every signed-in user may send it (the parties and the office share the page) and the handler shows
/// each user only what is theirs. A role that owns nothing there gets nothing back, not a 403.
/// </summary>
public sealed class AnySignedInAttribute : AccessAttribute;

/// <summary>Open before sign-in (registration, password reset, a calendar feed read by its secret token).</summary>
public sealed class AnyoneAttribute : AccessAttribute;
