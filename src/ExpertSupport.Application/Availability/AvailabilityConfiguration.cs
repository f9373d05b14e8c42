using ExpertSupport.Application.Bookings;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace ExpertSupport.Application.Availability;

internal sealed class ExpertAvailabilityConfiguration : IEntityTypeConfiguration<ExpertAvailability>
{
    public void Configure(EntityTypeBuilder<ExpertAvailability> b)
    {
        b.ToTable("expert_availabilities", t =>
        {
            t.HasCheckConstraint("ck_expert_availabilities_buffer", $"buffer_minutes BETWEEN 0 AND {AvailabilitySettings.MaxBufferMinutes}");
            t.HasCheckConstraint("ck_expert_availabilities_notice", $"minimum_notice_hours BETWEEN 0 AND {AvailabilitySettings.MaxNoticeHours}");
            t.HasCheckConstraint("ck_expert_availabilities_horizon", $"horizon_days BETWEEN 1 AND {AvailabilitySettings.MaxHorizonDays}");
        });
        b.HasIndex(a => a.ExpertId).IsUnique();
        b.HasIndex(a => a.FeedToken).IsUnique().HasFilter("feed_token IS NOT NULL");
        b.Property(a => a.FeedToken).HasMaxLength(64);
        b.HasOne<Expert>().WithMany().HasForeignKey(a => a.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(a => a.Settings);
        b.OwnsMany(a => a.Weekly, w =>
        {
            w.ToTable("availability_weekly_hours", t =>
                // A range ends after it starts, on the same day; an end of 00:00 means midnight (24:00).
                t.HasCheckConstraint("ck_availability_weekly_hours_order", "end_time > start_time OR end_time = '00:00'"));
            w.WithOwner().HasForeignKey("AvailabilityId");
            w.HasKey("AvailabilityId", nameof(WeeklyRange.Day), nameof(WeeklyRange.Start));
            w.Property(x => x.Start).HasColumnName("start_time");
            w.Property(x => x.End).HasColumnName("end_time");
            w.Ignore(x => x.StartMinute);
            w.Ignore(x => x.EndMinute);
        });
        b.Navigation(a => a.Weekly).HasField("_weekly").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(a => a.Exceptions, e =>
        {
            e.ToTable("availability_exceptions", t =>
                // A day off has no times; extra hours have both, ending after they start (00:00 = midnight).
                t.HasCheckConstraint("ck_availability_exceptions_times",
                    "(kind = 'DayOff' AND start_time IS NULL AND end_time IS NULL) OR " +
                    "(kind = 'ExtraHours' AND start_time IS NOT NULL AND end_time IS NOT NULL AND (end_time > start_time OR end_time = '00:00'))"));
            e.WithOwner().HasForeignKey("AvailabilityId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Start).HasColumnName("start_time");
            e.Property(x => x.End).HasColumnName("end_time");
            e.Property(x => x.Note).HasMaxLength(ExpertAvailability.NoteMaxLength);
            e.HasIndex("AvailabilityId", nameof(AvailabilityException.Date));
        });
        b.Navigation(a => a.Exceptions).HasField("_exceptions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
