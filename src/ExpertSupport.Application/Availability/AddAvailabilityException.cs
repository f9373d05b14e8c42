using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;

namespace ExpertSupport.Application.Availability;

/// <summary>The expert adds a day off or extra hours on one date (Tokyo). Extra hours also open a holiday.</summary>
[ExpertOnly]
public sealed record AddAvailabilityExceptionCommand(DateOnly Date, AvailabilityExceptionKind Kind, string? Start, string? End, string? Note) : ICommand<Result<Guid>>;

public sealed class AddAvailabilityExceptionValidator : AbstractValidator<AddAvailabilityExceptionCommand>
{
    public AddAvailabilityExceptionValidator()
    {
        RuleFor(c => c.Date).NotEmpty().WithError(new("availability.date_required"));
        RuleFor(c => c.Kind).IsInEnum().WithError(new("availability.kind_required"));
        When(c => c.Kind == AvailabilityExceptionKind.ExtraHours, () =>
        {
            RuleFor(c => c.Start).Must(s => TimeText.TryParse(s, false, out _)).WithError(new("availability.start_format"));
            RuleFor(c => c.End).Must(s => TimeText.TryParse(s, true, out _)).WithError(new("availability.end_format"));
        });
        RuleFor(c => c.Note).MaximumLength(ExpertAvailability.NoteMaxLength).WithError(new("availability.note", ExpertAvailability.NoteMaxLength));
    }
}

public sealed class AddAvailabilityExceptionHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, NextFreeSlots nextFree)
    : ICommandHandler<AddAvailabilityExceptionCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(AddAvailabilityExceptionCommand cmd, CancellationToken ct)
    {
        var availability = await AvailabilityOf.LoadOrCreateAsync(db, user, clock, ct);
        if (availability is null) return ExpertAccess.NotFound;
        TimeOnly? start = TimeText.TryParse(cmd.Start, false, out var s) ? s : null;
        TimeOnly? end = TimeText.TryParse(cmd.End, true, out var e) ? e : null;
        var added = availability.AddException(cmd.Date, cmd.Kind, start, end, cmd.Note, JapanTime.Today(clock), clock.GetUtcNow());
        if (added.IsFailure) return Result<Guid>.Failure(added.Errors);
        await db.SaveChangesAsync(ct);
        await nextFree.RefreshAsync([availability.ExpertId], ct);
        return added.Value.Id;
    }
}
