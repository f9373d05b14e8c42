using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Bookings;

public static class AvailabilityErrors
{
    public static readonly Error Buffer = Error.Invalid("availability.buffer", "bufferMinutes", AvailabilitySettings.MaxBufferMinutes);

    public static readonly Error Notice = Error.Invalid("availability.notice", "minimumNoticeHours", AvailabilitySettings.MaxNoticeHours);

    public static readonly Error Horizon = Error.Invalid("availability.horizon", "horizonDays", AvailabilitySettings.MaxHorizonDays);

    public static readonly Error ExceptionInPast = Error.Invalid("availability.exception_past", "date");

    public static readonly Error ExtraHoursNeedTimes = Error.Invalid("availability.exception_times", "start");

    public static readonly Error ExceptionEndsBeforeStart = Error.Invalid("availability.exception_order", "end");

    public static readonly Error DateAlreadyHasException = Error.Conflict("availability.exception_exists");

    public static readonly Error ExceptionsOverlap = Error.Conflict("availability.exception_overlap");

    public static readonly Error ExceptionNotFound = Error.NotFound("availability.exception_not_found");

    public static Error TooManyExceptions(int max) => Error.Conflict("availability.too_many_exceptions", max);

    public static Error NoteTooLong(int max) => Error.Invalid("availability.note", "note", max);

    public static Error TooManyRanges(DayOfWeek day, int max) => Error.Invalid("availability.too_many_ranges", "weekly", day, max);

    public static Error RangeEndsBeforeStart(DayOfWeek day) => Error.Invalid("availability.range_order", "weekly", day);

    public static Error RangesOverlap(DayOfWeek day) => Error.Invalid("availability.ranges_overlap", "weekly", day);
}
