using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace ExpertSupport.Application.Bookings;

// The two exclusion constraints (no overlapping active bookings per expert, with buffers, and per company) are raw SQL
// in the Bookings migration; EF Core cannot express them.

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    /// <summary>The span an active booking holds of its expert's time: the session plus the buffer after it.</summary>
    public const string ExpertBlock = "ExpertBlock";

    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.ToTable("bookings", t =>
        {
            t.HasCheckConstraint("ck_bookings_times", "end_at > start_at AND blocked_until >= end_at AND minutes > 0 AND buffer_minutes >= 0");
            // Money is whole yen; what the company accepted or the ledger holds never exceeds the fee. Only what is always
            // true: whether a fee is eligible is the round's rule (the office may change it), checked with a message.
            t.HasCheckConstraint("ck_bookings_money",
                "hourly_fee > 0 AND fee >= 0 AND subsidy_before_caps BETWEEN 0 AND fee AND accepted_subsidy BETWEEN 0 AND fee " +
                "AND (reserved_subsidy IS NULL OR reserved_subsidy BETWEEN 0 AND subsidy_before_caps) AND (offered_subsidy IS NULL OR offered_subsidy >= 0)");
            // A confirmed session always holds its reservation in the subsidy ledger.
            t.HasCheckConstraint("ck_bookings_confirmed_reserved", "status NOT IN ('Confirmed', 'Completed') OR (reserved_subsidy IS NOT NULL AND confirmed_at IS NOT NULL)");
            // Cancellations and no-shows keep who and why: history is never lost.
            t.HasCheckConstraint("ck_bookings_cancelled", "status <> 'Cancelled' OR (cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL AND cancellation_reason IS NOT NULL)");
            t.HasCheckConstraint("ck_bookings_no_show", "status <> 'NoShow' OR (no_show_at IS NOT NULL AND no_show_reported_by IS NOT NULL AND no_show_reason IS NOT NULL)");
        });
        b.Property(x => x.Note).HasMaxLength(Booking.NoteMaxLength);
        b.Property(x => x.DeclineReason).HasMaxLength(Booking.ReasonMaxLength);
        b.Property(x => x.CancellationReason).HasMaxLength(Booking.ReasonMaxLength);
        b.Property(x => x.NoShowReason).HasMaxLength(Booking.ReasonMaxLength);
        b.Property(x => x.DayReminderJobId).HasMaxLength(100);
        b.Property(x => x.HourReminderJobId).HasMaxLength(100);
        b.Property<NpgsqlRange<DateTime>>(ExpertBlock)
            .HasComputedColumnSql("tstzrange(start_at, blocked_until, '[)')", stored: true);
        b.HasOne<SupportPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProgrammeRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RequestedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Booking>().WithMany().HasForeignKey(x => x.RescheduledFromId).OnDelete(DeleteBehavior.Restrict);
        // A booking is replaced at most once; the replacement is found through this.
        b.HasIndex(x => x.RescheduledFromId).IsUnique();
        b.HasIndex(x => new { x.ExpertId, x.StartAt });
        b.HasIndex(x => new { x.CompanyId, x.StartAt });
        b.HasIndex(x => x.PlanId);
        // The housekeeping jobs read only these.
        b.HasIndex(x => x.ExpiresAt).HasFilter("status = 'Requested'").HasDatabaseName("ix_bookings_requested_expires_at");
        b.HasIndex(x => x.EndAt).HasFilter("status = 'Confirmed'").HasDatabaseName("ix_bookings_confirmed_end_at");
        b.HasIndex(x => new { x.Status, x.StartAt });
        b.Ignore(x => x.PendingAudit);
        b.Ignore(x => x.IsActive);
        b.Ignore(x => x.AwaitingCompany);
        b.Ignore(x => x.ExpectedSubsidy);
        b.Ignore(x => x.ExpectedCompanyShare);
        b.Ignore(x => x.Session);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("idempotency_keys");
        // One answer per user, operation and key: the same key from the same user gets the same answer.
        b.HasKey(r => new { r.UserId, r.Scope, r.Key });
        b.Property(r => r.Scope).HasMaxLength(60);
        b.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ResponseJson).HasColumnType("jsonb");
        b.HasIndex(r => r.CreatedAt);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
