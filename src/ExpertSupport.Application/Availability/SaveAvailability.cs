using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Availability;

/// <summary>The expert saves the weekly hours and the rules around them (buffer, notice, horizon, holidays).</summary>
[ExpertOnly]
public sealed record SaveAvailabilityCommand(
    IReadOnlyList<WeeklyRangeInput>? Weekly, int BufferMinutes, int MinimumNoticeHours, int HorizonDays, bool WorksOnHolidays) : ICommand<Result>;

public sealed class SaveAvailabilityValidator : AbstractValidator<SaveAvailabilityCommand>
{
    public SaveAvailabilityValidator()
    {
        RuleFor(c => c.Weekly).Must(w => w is null || w.Count <= 7 * ExpertAvailability.MaxRangesPerDay)
            .WithError(new("availability.too_many_rows"));
        RuleForEach(c => c.Weekly).ChildRules(r =>
        {
            r.RuleFor(x => x.Day).IsInEnum().WithError(new("availability.day_required"));
            r.RuleFor(x => x.Start).Must(s => TimeText.TryParse(s, false, out _)).WithError(new("availability.start_format"));
            r.RuleFor(x => x.End).Must(s => TimeText.TryParse(s, true, out _)).WithError(new("availability.end_format"));
        }).OverridePropertyName("weekly");
    }
}

public sealed class SaveAvailabilityHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, NextFreeSlots nextFree)
    : ICommandHandler<SaveAvailabilityCommand, Result>
{
    public async ValueTask<Result> Handle(SaveAvailabilityCommand cmd, CancellationToken ct)
    {
        var availability = await AvailabilityOf.LoadOrCreateAsync(db, user, clock, ct);
        if (availability is null) return ExpertAccess.NotFound;
        var ranges = (cmd.Weekly ?? []).Select(r =>
        {
            TimeText.TryParse(r.Start, false, out var start);
            TimeText.TryParse(r.End, true, out var end);
            return new WeeklyRange(r.Day, start, end);
        });
        var updated = availability.Update(ranges, new AvailabilitySettings(cmd.BufferMinutes, cmd.MinimumNoticeHours, cmd.HorizonDays, cmd.WorksOnHolidays), clock.GetUtcNow());
        if (updated.IsFailure) return updated;
        await db.SaveChangesAsync(ct);
        await nextFree.RefreshAsync([availability.ExpertId], ct);
        return Result.Success;
    }
}

internal static class AvailabilityOf
{
    /// <summary>The signed-in expert's availability, tracked; created with the defaults on first use. Null for a user who is no expert.</summary>
    public static async Task<ExpertAvailability?> LoadOrCreateAsync(AppDbContext db, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var expertId = await db.Experts.OwnedBy(user).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct);
        if (expertId is null) return null;
        // Changes of one expert's hours take turns: a repeated save applies the same hours again, a repeated exception
        // finds the first, and a second first save finds the row the first one created.
        await OwnerLocks.TakeAsync(db, "availability", expertId.Value, ct);
        var availability = await db.ExpertAvailabilities.AsSplitQuery().SingleOrDefaultAsync(a => a.ExpertId == expertId, ct);
        if (availability is not null) return availability;
        availability = ExpertAvailability.CreateFor(expertId.Value, clock.GetUtcNow());
        db.ExpertAvailabilities.Add(availability);
        return availability;
    }
}
