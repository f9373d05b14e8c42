using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;

namespace ExpertSupport.Domain.Cases;

/// <summary>How the company wants to be helped: online, on site, or either.</summary>
public enum WorkMode
{
    Either = 0,
    Online = 1,
    Onsite = 2,
}

/// <summary>Open cases are shown to approved experts; a closed case takes no new proposals.</summary>
public enum CaseStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>What a company writes about its problem; the application checks the shape before it gets here.</summary>
/// <param name="SkillCodes">The help wanted, as codes of the skill taxonomy (クラウド会計, テレワーク, …).</param>
/// <param name="PrefectureCode">Where on-site help would happen (JIS code).</param>
/// <param name="DesiredHours">About how many hours of help the company has in mind.</param>
public sealed record CaseDetails(string Title, string Description, IReadOnlyList<string> SkillCodes, WorkMode WorkMode, short PrefectureCode, int DesiredHours);

/// <summary>
/// A consultation case (相談案件): a company describes its problem and the help it wants. Approved experts see open
/// cases and may send a <see cref="Proposal"/>; the company closes the case when it no longer needs proposals.
/// </summary>
public sealed class ConsultationCase : AuditedEntity
{
    private ConsultationCase() { }

    public Guid CompanyId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string[] SkillCodes { get; private set; } = [];
    public WorkMode WorkMode { get; private set; }
    public short PrefectureCode { get; private set; }
    public int DesiredHours { get; private set; }
    public CaseStatus Status { get; private set; }
    public string? ClosingReason { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsOpen => Status == CaseStatus.Open;

    /// <summary>A case is the first step towards a plan, so it needs a company that may create plans.</summary>
    public static Result<ConsultationCase> Open(Company company, CaseDetails details, Guid actorUserId, DateTimeOffset now)
    {
        if (company.EnsureCanCreatePlans() is { IsFailure: true } refusal) return Result<ConsultationCase>.Failure(refusal.Errors);
        var @case = new ConsultationCase
        {
            CompanyId = company.Id,
            Status = CaseStatus.Open,
            CreatedByUserId = actorUserId,
            CreatedAt = now,
        };
        @case.Apply(details, now);
        @case.RecordTransition(null, nameof(CaseStatus.Open), actorUserId, now);
        return @case;
    }

    public Result Edit(CaseDetails details, DateTimeOffset now)
    {
        if (!IsOpen) return CaseErrors.Closed;
        // Saving what is already saved (a double-click, a retried request) is an edit that has already happened.
        if (Matches(details)) return CaseErrors.Unchanged;
        Apply(details, now);
        return Result.Success;
    }

    public Result Close(Guid actorUserId, string? reason, DateTimeOffset now)
    {
        if (!IsOpen) return CaseErrors.AlreadyClosed;
        ClosingReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ClosedAt = now;
        UpdatedAt = now;
        RecordTransition(Status.ToString(), nameof(CaseStatus.Closed), actorUserId, now, ClosingReason);
        Status = CaseStatus.Closed;
        return Result.Success;
    }

    private bool Matches(CaseDetails d) =>
        Title == d.Title.Trim() && Description == d.Description.Trim() && SkillCodes.ToHashSet().SetEquals(d.SkillCodes)
        && WorkMode == d.WorkMode && PrefectureCode == d.PrefectureCode && DesiredHours == d.DesiredHours;

    private void Apply(CaseDetails d, DateTimeOffset now)
    {
        Title = d.Title.Trim();
        Description = d.Description.Trim();
        SkillCodes = [.. d.SkillCodes.Distinct()];
        WorkMode = d.WorkMode;
        PrefectureCode = d.PrefectureCode;
        DesiredHours = d.DesiredHours;
        UpdatedAt = now;
    }
}

public static class CaseErrors
{
    public static readonly Error NotFound = Error.NotFound("case.not_found");
    public static readonly Error Closed = Error.Conflict("case.closed");
    public static readonly Error AlreadyClosed = Error.Conflict("case.already_closed");
    public static readonly Error AlreadyOpen = Error.Conflict("case.already_open");
    public static readonly Error Unchanged = Error.Conflict("case.unchanged");
    public static readonly Error ProposalNotFound = Error.NotFound("proposal.not_found");
    public static readonly Error ProposalDecided = Error.Conflict("proposal.decided");
    public static readonly Error ProposalAlreadyAccepted = Error.Conflict("proposal.already_accepted");
    public static readonly Error ProposalAlreadyDeclined = Error.Conflict("proposal.already_declined");
    public static readonly Error ProposalAlreadyWithdrawn = Error.Conflict("proposal.already_withdrawn");
    public static readonly Error AlreadyProposed = Error.Conflict("proposal.already_pending");
    public static readonly Error MessageRequired = Error.Invalid("proposal.message_required", "message");
}
