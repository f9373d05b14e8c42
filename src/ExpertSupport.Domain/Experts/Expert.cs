using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Invoices;

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

/// <summary>Everything an expert states about themselves; checked by the application before it gets here.</summary>
public sealed record ExpertProfile(
    ExpertKind Kind, string DisplayName, string DisplayNameKana, string Bio,
    bool OffersOnline, short[] PrefectureCodes, string[] Languages,
    IReadOnlyList<ExpertSkill> Skills, IReadOnlyList<ExpertQualification> Qualifications,
    Yen HourlyFee, BankAccount BankAccount);

/// <summary>A vetted IT expert (IT専門家) who helps companies by the hour.</summary>
public sealed class Expert : AuditedEntity
{
    private readonly List<ExpertSkill> _skills = [];
    private readonly List<ExpertQualification> _qualifications = [];

    private Expert() { }

    public Guid UserId { get; private set; }
    public ExpertKind Kind { get; private set; }
    public string DisplayName { get; private set; } = "";
    public string DisplayNameKana { get; private set; } = "";
    public string Bio { get; private set; } = "";
    /// <summary>
    /// The hourly fee asked now, whole yen, tax-inclusive. A support plan copies it when it is agreed, so a later
    /// change (which the office reviews, see <see cref="ExpertChangeRequest"/>) never alters a plan already approved.
    /// </summary>
    public Yen HourlyFee { get; private set; }
    public bool OffersOnline { get; private set; }
    /// <summary>JIS codes of the prefectures served on site.</summary>
    public short[] PrefectureCodes { get; private set; } = [];
    /// <summary>ISO 639-1 codes of the languages the expert supports companies in.</summary>
    public string[] Languages { get; private set; } = [];
    /// <summary>
    /// The payout account in force; changes to it after approval go through office review. The profile form requires
    /// it; null only for experts created without a profile (see the foundation overload of Register).
    /// </summary>
    public BankAccount? BankAccount { get; private set; }
    /// <summary>When the expert last declared having no conflict of interest (利益相反がないことの申告); renewed on every save.</summary>
    public DateTimeOffset? ConflictOfInterestDeclaredAt { get; private set; }
    public ExpertStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<ExpertSkill> Skills => _skills;
    public IReadOnlyList<ExpertQualification> Qualifications => _qualifications;

    /// <summary>
    /// The start of the expert's next bookable slot, a cache the booking feature keeps up to date (when
    /// availability or bookings change, and as time passes) so that search can filter and sort by it.
    /// </summary>
    public DateTimeOffset? NextFreeSlotAt { get; private set; }

    /// <summary>適格請求書発行事業者登録番号 as the expert stated it (normalised), or null when not registered.</summary>
    public string? InvoiceRegistrationNumber { get; private set; }
    /// <summary>When the office checked the number against the public register; cleared whenever the number changes.</summary>
    public DateTimeOffset? InvoiceRegistrationVerifiedAt { get; private set; }
    public Guid? InvoiceRegistrationVerifiedByUserId { get; private set; }

    /// <summary>
    /// Whether invoices are issued in this expert's name as qualified invoices: a number the office has verified. An
    /// unverified number is shown to the expert and the office but does not yet make the expert "registered" for buyers.
    /// </summary>
    public bool IsInvoiceRegistered => InvoiceRegistrationNumber is not null && InvoiceRegistrationVerifiedAt is not null;

    /// <summary>Sets (or, with null, clears) the registration number; a change waits for the office's verification again.</summary>
    public bool SetInvoiceRegistration(InvoiceRegistrationNumber? number, Guid actorUserId, DateTimeOffset now)
    {
        var value = number?.Value;
        if (value == InvoiceRegistrationNumber) return false;
        RecordTransition(Status.ToString(), Status.ToString(), actorUserId, now,
            $"登録番号 {InvoiceRegistrationNumber ?? "なし"} → {value ?? "なし"}");
        InvoiceRegistrationNumber = value;
        InvoiceRegistrationVerifiedAt = null;
        InvoiceRegistrationVerifiedByUserId = null;
        UpdatedAt = now;
        return true;
    }

    /// <summary>The office has checked the number in the public register (国税庁 適格請求書発行事業者公表サイト).</summary>
    public Result VerifyInvoiceRegistration(Guid officeUserId, DateTimeOffset now)
    {
        if (InvoiceRegistrationNumber is null) return InvoiceErrors.NoRegistrationNumber;
        if (InvoiceRegistrationVerifiedAt is not null) return InvoiceErrors.AlreadyVerified;
        InvoiceRegistrationVerifiedAt = now;
        InvoiceRegistrationVerifiedByUserId = officeUserId;
        RecordTransition(Status.ToString(), Status.ToString(), officeUserId, now, $"登録番号 {InvoiceRegistrationNumber} を確認");
        UpdatedAt = now;
        return Result.Success;
    }

    public void SetNextFreeSlot(DateTimeOffset? start) => NextFreeSlotAt = start;

    /// <summary>Only approved experts are found and booked; pending, rejected and suspended ones are not.</summary>
    public bool CanBeBooked => Status == ExpertStatus.Approved;

    /// <summary>The fee and the payout account are what the office vetted: once approved, changing them needs review.</summary>
    public bool PayoutChangesNeedReview => Status is ExpertStatus.Approved or ExpertStatus.Suspended;

    /// <summary>Registers an expert who has declared no conflict of interest; the office vets them next.</summary>
    public static Expert Register(Guid userId, ExpertProfile profile, DateTimeOffset now)
    {
        var expert = new Expert { UserId = userId, Status = ExpertStatus.Pending, CreatedAt = now };
        expert.ApplyDetails(profile, now);
        expert.HourlyFee = profile.HourlyFee;
        expert.BankAccount = profile.BankAccount;
        expert.RecordTransition(null, nameof(ExpertStatus.Pending), userId, now);
        return expert;
    }

    /// <summary>
    /// The foundation's short form, kept for features and tests that only need a bookable party: no languages,
    /// qualifications, bank account or declaration. People register through the profile form instead.
    /// </summary>
    public static Expert Register(
        Guid userId, ExpertKind kind, string displayName, string displayNameKana, string bio,
        Yen hourlyFee, bool offersOnline, short[] prefectureCodes, DateTimeOffset now)
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
            UpdatedAt = now,
        };
        expert.RecordTransition(null, nameof(ExpertStatus.Pending), userId, now);
        return expert;
    }

    /// <summary>Sets one skill's level (used with the short form of Register).</summary>
    public void SetSkill(string skillCode, SkillLevel level)
    {
        _skills.RemoveAll(s => s.SkillCode == skillCode);
        _skills.Add(new ExpertSkill(skillCode, level));
    }

    /// <summary>
    /// Saves an edited profile. Everything applies at once except, for an expert already approved, a new hourly fee or
    /// bank account: those come back as a <see cref="PayoutChange"/> to put before the office, and the live values stay.
    /// A rejected expert who edits the profile applies again (back to pending).
    /// </summary>
    public PayoutChange? Edit(ExpertProfile profile, Guid actorUserId, DateTimeOffset now)
    {
        ApplyDetails(profile, now);
        if (PayoutChangesNeedReview)
        {
            var fee = profile.HourlyFee != HourlyFee ? profile.HourlyFee : (Yen?)null;
            var bank = profile.BankAccount != BankAccount ? profile.BankAccount : null;
            return fee is null && bank is null ? null : new PayoutChange(fee, bank);
        }
        HourlyFee = profile.HourlyFee;
        BankAccount = profile.BankAccount;
        if (Status == ExpertStatus.Rejected)
            Transition(ExpertStatus.Pending, actorUserId, now, "プロフィールを修正して再申請");
        return null;
    }

    /// <summary>Why this expert cannot be booked now, or success. The booking and plan features call this.</summary>
    public Result EnsureCanBeBooked() => Status switch
    {
        ExpertStatus.Approved => Result.Success,
        ExpertStatus.Suspended => ExpertErrors.Suspended,
        _ => ExpertErrors.NotApproved,
    };

    /// <summary>Whether this expert can help a company in that prefecture at all: online, or on site in a prefecture it serves.</summary>
    public bool CanServe(short companyPrefectureCode) => CanServe(OffersOnline, PrefectureCodes, companyPrefectureCode);

    public static bool CanServe(bool offersOnline, IReadOnlyCollection<short> servedPrefectures, short companyPrefectureCode) =>
        offersOnline || servedPrefectures.Contains(companyPrefectureCode);

    public Result Approve(Guid officeUserId, DateTimeOffset now)
    {
        if (Status == ExpertStatus.Approved) return ExpertErrors.AlreadyApproved;
        if (Status != ExpertStatus.Pending) return ExpertErrors.NotPending;
        Transition(ExpertStatus.Approved, officeUserId, now, null);
        return Result.Success;
    }

    public Result Reject(Guid officeUserId, string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) return ExpertErrors.ReasonRequired;
        if (Status == ExpertStatus.Rejected) return ExpertErrors.AlreadyRejected;
        if (Status != ExpertStatus.Pending) return ExpertErrors.NotPending;
        Transition(ExpertStatus.Rejected, officeUserId, now, reason.Trim());
        return Result.Success;
    }

    /// <summary>Stops new bookings and plans; history, plans and sessions already agreed stay as they are.</summary>
    public Result Suspend(Guid officeUserId, string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) return ExpertErrors.ReasonRequired;
        if (Status == ExpertStatus.Suspended) return ExpertErrors.AlreadySuspended;
        if (Status != ExpertStatus.Approved)
            return Error.Conflict("expert.not_approved_for_suspension");
        Transition(ExpertStatus.Suspended, officeUserId, now, reason.Trim());
        return Result.Success;
    }

    public Result Reinstate(Guid officeUserId, string? reason, DateTimeOffset now)
    {
        if (Status == ExpertStatus.Approved) return ExpertErrors.AlreadyActive;
        if (Status != ExpertStatus.Suspended) return Error.Conflict("expert.not_suspended");
        Transition(ExpertStatus.Approved, officeUserId, now, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        return Result.Success;
    }

    /// <summary>Only an approved change request brings a new fee or account into force.</summary>
    internal void ApplyReviewedChange(PayoutChange change, DateTimeOffset now)
    {
        if (change.HourlyFee is { } fee) HourlyFee = fee;
        if (change.BankAccount is { } bank) BankAccount = bank;
        UpdatedAt = now;
    }

    private void ApplyDetails(ExpertProfile p, DateTimeOffset now)
    {
        Kind = p.Kind;
        DisplayName = p.DisplayName;
        DisplayNameKana = p.DisplayNameKana;
        Bio = p.Bio;
        OffersOnline = p.OffersOnline;
        PrefectureCodes = [.. p.PrefectureCodes.Distinct().Order()];
        Languages = [.. p.Languages.Distinct()];
        // Replace only what changed: the owned rows keep their keys, so EF Core writes the difference.
        _skills.RemoveAll(s => !p.Skills.Contains(s));
        _skills.AddRange(p.Skills.Where(s => !_skills.Contains(s)).DistinctBy(s => s.SkillCode));
        _qualifications.RemoveAll(q => !p.Qualifications.Contains(q));
        _qualifications.AddRange(p.Qualifications.Where(q => !_qualifications.Contains(q)).DistinctBy(q => q.QualificationCode));
        ConflictOfInterestDeclaredAt = now;
        UpdatedAt = now;
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

/// <summary>A qualification from <see cref="Reference.Qualifications"/> with its certificate or registration number.</summary>
public sealed record ExpertQualification(string QualificationCode, string CertificateNumber);

/// <summary>A new hourly fee and/or payout account waiting for the office; null means unchanged.</summary>
public sealed record PayoutChange(Yen? HourlyFee, BankAccount? BankAccount);
