using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Experts;

public enum ExpertKind
{
    Individual = 0,
    Company = 1,
}

/// <summary>Experts start pending; only approved experts can be found or booked.</summary>
public enum ExpertStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    Suspended = 3,
}

/// <summary>A vetted IT expert (IT専門家) who helps companies by the hour.</summary>
public sealed class Expert : AuditedEntity
{
    private readonly List<ExpertSkill> _skills = [];

    private Expert() { }

    public Guid UserId { get; private set; }
    public ExpertKind Kind { get; private set; }
    public string DisplayName { get; private set; } = "";
    public string DisplayNameKana { get; private set; } = "";
    public string Bio { get; private set; } = "";
    /// <summary>The hourly fee asked, whole yen, tax-inclusive.</summary>
    public long HourlyFee { get; private set; }
    public bool OffersOnline { get; private set; }
    /// <summary>JIS codes of the prefectures served on site.</summary>
    public short[] PrefectureCodes { get; private set; } = [];
    public ExpertStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<ExpertSkill> Skills => _skills;

    public static Expert Register(
        Guid userId, ExpertKind kind, string displayName, string displayNameKana, string bio,
        long hourlyFee, bool offersOnline, short[] prefectureCodes, DateTimeOffset now)
    {
        var expert = new Expert
        {
            UserId = userId,
            Kind = kind,
            DisplayName = displayName,
            DisplayNameKana = displayNameKana,
            Bio = bio,
            HourlyFee = hourlyFee,
            OffersOnline = offersOnline,
            PrefectureCodes = prefectureCodes,
            Status = ExpertStatus.Pending,
            CreatedAt = now,
        };
        expert.RecordTransition(null, nameof(ExpertStatus.Pending), userId, now);
        return expert;
    }

    public void SetSkill(string skillCode, SkillLevel level)
    {
        _skills.RemoveAll(s => s.SkillCode == skillCode);
        _skills.Add(new ExpertSkill(skillCode, level));
    }

    public Result Approve(Guid officeUserId, DateTimeOffset now)
    {
        if (Status != ExpertStatus.Pending)
            return Error.Conflict("expert.not_pending", "審査待ちの専門家ではありません。");
        Transition(ExpertStatus.Approved, officeUserId, now, null);
        return Result.Success;
    }

    public Result Reject(Guid officeUserId, string reason, DateTimeOffset now)
    {
        if (Status != ExpertStatus.Pending)
            return Error.Conflict("expert.not_pending", "審査待ちの専門家ではありません。");
        Transition(ExpertStatus.Rejected, officeUserId, now, reason);
        return Result.Success;
    }

    private void Transition(ExpertStatus to, Guid actor, DateTimeOffset now, string? reason)
    {
        RecordTransition(Status.ToString(), to.ToString(), actor, now, reason);
        Status = to;
        StatusReason = reason;
    }
}

public enum SkillLevel
{
    /// <summary>支援実績あり</summary>
    Practitioner = 1,
    /// <summary>豊富な支援実績</summary>
    Experienced = 2,
    /// <summary>第一人者・講師レベル</summary>
    Expert = 3,
}

/// <summary>A skill from the taxonomy, with the expert's level in it.</summary>
public sealed record ExpertSkill(string SkillCode, SkillLevel Level);
