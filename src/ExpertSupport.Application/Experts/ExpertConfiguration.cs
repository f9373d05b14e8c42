using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Experts;

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> b)
    {
        b.ToTable("experts", t =>
        {
            // A fee is a positive amount. Whether it is eligible is the active round's rule (its company minimum, which the
            // office may change), checked with a message where the fee is typed, never by the schema.
            t.HasCheckConstraint("ck_experts_hourly_fee", "hourly_fee > 0");
            BankAccountColumns.AddChecks(t, "experts");
            // The shape only (T + 13 digits); the check digit is the domain's, with a message. Verified needs a number.
            t.HasCheckConstraint("ck_experts_invoice_registration_number", "invoice_registration_number ~ '^T[0-9]{13}$'");
            t.HasCheckConstraint("ck_experts_invoice_registration_verified",
                "invoice_registration_verified_at IS NULL OR (invoice_registration_number IS NOT NULL AND invoice_registration_verified_by_user_id IS NOT NULL)");
        });
        b.Property(e => e.DisplayName).HasMaxLength(200);
        b.Property(e => e.DisplayNameKana).HasMaxLength(200);
        b.Property(e => e.Bio).HasMaxLength(4000);
        b.Property(e => e.StatusReason).HasMaxLength(2000);
        b.HasIndex(e => e.UserId).IsUnique();
        b.HasIndex(e => e.Status);
        // Search by prefecture served: "prefecture_codes @> {13}" uses this.
        b.HasIndex(e => e.PrefectureCodes).HasMethod("gin");
        b.HasIndex(e => e.DisplayName).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_experts_display_name_trgm");
        b.HasIndex(e => e.DisplayNameKana).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_experts_display_name_kana_trgm");
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(e => e.PendingAudit);
        b.Ignore(e => e.CanBeBooked);
        b.Ignore(e => e.PayoutChangesNeedReview);
        b.Ignore(e => e.IsInvoiceRegistered);
        b.Property(e => e.InvoiceRegistrationNumber).HasMaxLength(14);
        b.OwnsOne(e => e.BankAccount, BankAccountColumns.Map);
        b.OwnsMany(e => e.Skills, s =>
        {
            s.ToTable("expert_skills");
            s.WithOwner().HasForeignKey("ExpertId");
            s.HasKey("ExpertId", nameof(ExpertSkill.SkillCode));
            s.Property(x => x.SkillCode).HasMaxLength(40);
            s.HasOne<Skill>().WithMany().HasForeignKey(x => x.SkillCode).OnDelete(DeleteBehavior.Restrict);
            s.HasIndex(x => x.SkillCode);
        });
        b.Navigation(e => e.Skills).HasField("_skills").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(e => e.Qualifications, q =>
        {
            q.ToTable("expert_qualifications");
            q.WithOwner().HasForeignKey("ExpertId");
            q.HasKey("ExpertId", nameof(ExpertQualification.QualificationCode));
            q.Property(x => x.QualificationCode).HasMaxLength(40);
            q.Property(x => x.CertificateNumber).HasMaxLength(50);
            q.HasIndex(x => x.QualificationCode);
        });
        b.Navigation(e => e.Qualifications).HasField("_qualifications").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ExpertChangeRequestConfiguration : IEntityTypeConfiguration<ExpertChangeRequest>
{
    public void Configure(EntityTypeBuilder<ExpertChangeRequest> b)
    {
        b.ToTable("expert_change_requests", t =>
        {
            t.HasCheckConstraint("ck_expert_change_requests_hourly_fee", "hourly_fee IS NULL OR hourly_fee > 0");
            // A request asks for something: a new fee, a new account, or both.
            t.HasCheckConstraint("ck_expert_change_requests_not_empty", "hourly_fee IS NOT NULL OR bank_code IS NOT NULL");
            BankAccountColumns.AddChecks(t, "expert_change_requests");
        });
        b.Property(r => r.DecisionReason).HasMaxLength(2000);
        b.HasOne<Expert>().WithMany().HasForeignKey(r => r.ExpertId).OnDelete(DeleteBehavior.Restrict);
        // One open request per expert: editing again revises it instead of queueing a second one.
        b.HasIndex(r => r.ExpertId).IsUnique().HasFilter("status = 'Pending'").HasDatabaseName("ux_expert_change_requests_one_pending");
        b.HasIndex(r => new { r.Status, r.RequestedAt });
        b.Ignore(r => r.PendingAudit);
        b.Ignore(r => r.Change);
        b.OwnsOne(r => r.BankAccount, BankAccountColumns.Map);
    }
}

/// <summary>The same five columns wherever a payout account is stored, with the Zengin shapes checked by the database too.</summary>
internal static class BankAccountColumns
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, BankAccount> a) where TOwner : class
    {
        a.Property(x => x.BankCode).HasColumnName("bank_code").HasMaxLength(4);
        a.Property(x => x.BranchCode).HasColumnName("bank_branch_code").HasMaxLength(3);
        a.Property(x => x.AccountType).HasColumnName("bank_account_type");
        a.Property(x => x.AccountNumber).HasColumnName("bank_account_number").HasMaxLength(7);
        a.Property(x => x.HolderName).HasColumnName("bank_account_holder").HasMaxLength(BankAccount.HolderNameMaxLength);
    }

    public static void AddChecks<T>(TableBuilder<T> t, string table) where T : class
    {
        t.HasCheckConstraint($"ck_{table}_bank_code", "bank_code IS NULL OR bank_code ~ '^[0-9]{4}$'");
        t.HasCheckConstraint($"ck_{table}_bank_branch_code", "bank_branch_code IS NULL OR bank_branch_code ~ '^[0-9]{3}$'");
        t.HasCheckConstraint($"ck_{table}_bank_account_number", "bank_account_number IS NULL OR bank_account_number ~ '^[0-9]{7}$'");
        // An account is all five parts or none: a half-stored account would send money nowhere.
        t.HasCheckConstraint($"ck_{table}_bank_account_complete",
            "num_nulls(bank_code, bank_branch_code, bank_account_type, bank_account_number, bank_account_holder) IN (0, 5)");
    }
}
