using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Subsidies;

// The triggers (append-only ledger, balances kept from the ledger, cap guard) and the exclusion constraint on
// round periods are raw SQL in the SubsidyEngine migration.

internal sealed class ProgrammeRoundConfiguration : IEntityTypeConfiguration<ProgrammeRound>
{
    public void Configure(EntityTypeBuilder<ProgrammeRound> b)
    {
        b.ToTable("programme_rounds", t =>
        {
            t.HasCheckConstraint("ck_programme_rounds_period", "period_end > period_start");
            t.HasCheckConstraint("ck_programme_rounds_deadlines",
                "application_deadline BETWEEN period_start AND period_end AND support_end_date BETWEEN application_deadline AND period_end");
            t.HasCheckConstraint("ck_programme_rounds_amounts",
                "hourly_subsidy_ceiling > 0 AND company_minimum_per_hour > 0 AND company_cap > 0 AND expert_cap > 0");
            // 予算額: the office dashboard measures use against it; a round without a budget means nothing there.
            t.HasCheckConstraint("ck_programme_rounds_budget", "budget > 0");
            // Worked minutes are rounded down to a unit that divides the hour.
            t.HasCheckConstraint("ck_programme_rounds_time_unit", "time_unit_minutes BETWEEN 1 AND 60 AND 60 % time_unit_minutes = 0");
            t.HasCheckConstraint("ck_programme_rounds_windows",
                "max_plan_months > 0 AND late_cancellation_hours >= 0 AND booking_request_expiry_hours > 0 AND report_confirmation_days > 0");
        });
        b.Property(r => r.Name).HasMaxLength(ProgrammeRoundSettings.NameMaxLength);
        b.Property(r => r.ClaimBatchCron).HasMaxLength(ProgrammeRoundSettings.CronMaxLength);
        b.HasIndex(r => r.PeriodStart);
        b.Ignore(r => r.Rules);
        b.Ignore(r => r.Settings);
        b.Ignore(r => r.PendingAudit);
    }
}

internal sealed class SubsidyLedgerEntryConfiguration : IEntityTypeConfiguration<SubsidyLedgerEntry>
{
    public void Configure(EntityTypeBuilder<SubsidyLedgerEntry> b)
    {
        b.ToTable("subsidy_ledger", t =>
        {
            // The sign says which way money moves: reserve/settle consume a cap, release/reverse give back.
            t.HasCheckConstraint("ck_subsidy_ledger_sign",
                "(kind IN ('Reserve', 'Settle') AND amount >= 0) OR (kind IN ('Release', 'Reverse') AND amount <= 0)");
        });
        b.Property(e => e.Id).UseIdentityAlwaysColumn();
        b.Property(e => e.SourceType).HasMaxLength(40);
        // Each operation happens at most once per source: a second reserve, release, settle or reverse of the
        // same booking/report/claim line is refused by the database, whatever the code does.
        b.HasIndex(e => new { e.SourceType, e.SourceId, e.Kind }).IsUnique();
        b.HasIndex(e => new { e.RoundId, e.CompanyId });
        b.HasIndex(e => new { e.RoundId, e.ExpertId });
        b.HasOne<ProgrammeRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Company>().WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(e => e.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.ActorUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CompanyCapBalanceConfiguration : IEntityTypeConfiguration<CompanyCapBalance>
{
    public void Configure(EntityTypeBuilder<CompanyCapBalance> b)
    {
        b.ToTable("company_cap_balances", t =>
        {
            t.HasCheckConstraint("ck_company_cap_balances_reserved", "reserved >= 0");
            t.HasCheckConstraint("ck_company_cap_balances_settled", "settled >= 0");
        });
        b.HasKey(x => new { x.RoundId, x.CompanyId });
        b.HasIndex(x => x.CompanyId);
        b.HasOne<ProgrammeRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExpertCapBalanceConfiguration : IEntityTypeConfiguration<ExpertCapBalance>
{
    public void Configure(EntityTypeBuilder<ExpertCapBalance> b)
    {
        b.ToTable("expert_cap_balances", t =>
        {
            t.HasCheckConstraint("ck_expert_cap_balances_reserved", "reserved >= 0");
            t.HasCheckConstraint("ck_expert_cap_balances_settled", "settled >= 0");
        });
        b.HasKey(x => new { x.RoundId, x.ExpertId });
        b.HasIndex(x => x.ExpertId);
        b.HasOne<ProgrammeRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CapLeftRowConfiguration : IEntityTypeConfiguration<CapLeftRow>
{
    public void Configure(EntityTypeBuilder<CapLeftRow> b)
    {
        // A view (created by the RoundIsTheRule migration), not a table: migrations leave it alone.
        b.HasNoKey();
        b.ToView("caps_left");
        b.Property(r => r.Holder).HasMaxLength(10);
        b.Property(r => r.Left).HasColumnName("cap_left");
    }
}
