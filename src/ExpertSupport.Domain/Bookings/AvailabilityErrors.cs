using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Bookings;

public static class AvailabilityErrors
{
    public static readonly Error Buffer = Error.Invalid("availability.buffer",
        $"予約と予約の間の空き時間は0〜{AvailabilitySettings.MaxBufferMinutes}分にしてください。", "bufferMinutes");

    public static readonly Error Notice = Error.Invalid("availability.notice",
        $"予約の締め切り（何時間前まで受け付けるか）は0〜{AvailabilitySettings.MaxNoticeHours}時間にしてください。", "minimumNoticeHours");

    public static readonly Error Horizon = Error.Invalid("availability.horizon",
        $"予約を受け付ける期間は1〜{AvailabilitySettings.MaxHorizonDays}日先までにしてください。", "horizonDays");

    public static readonly Error ExceptionInPast = Error.Invalid("availability.exception_past", "今日以降の日付を選んでください。", "date");

    public static readonly Error ExtraHoursNeedTimes = Error.Invalid("availability.exception_times", "追加する時間の開始と終了を入力してください。", "start");

    public static readonly Error ExceptionEndsBeforeStart = Error.Invalid("availability.exception_order", "終了時刻は開始時刻より後にしてください。", "end");

    public static readonly Error DateAlreadyHasException = Error.Conflict("availability.exception_exists",
        "この日にはすでに休みまたは追加の時間が登録されています。先に削除してください。");

    public static readonly Error ExceptionsOverlap = Error.Conflict("availability.exception_overlap", "この日に登録済みの追加の時間と重なっています。");

    public static readonly Error ExceptionNotFound = Error.NotFound("availability.exception_not_found", "指定の日付の設定が見つかりません。");

    public static Error TooManyExceptions(int max) => Error.Conflict("availability.too_many_exceptions", $"日付ごとの設定は{max}件までです。過ぎた日付のものを削除してください。");

    public static Error NoteTooLong(int max) => Error.Invalid("availability.note", $"メモは{max}文字以内にしてください。", "note");

    public static Error TooManyRanges(DayOfWeek day, int max) => Error.Invalid("availability.too_many_ranges", $"{DayName(day)}の時間帯は{max}つまでです。", "weekly");

    public static Error RangeEndsBeforeStart(DayOfWeek day) => Error.Invalid("availability.range_order", $"{DayName(day)}: 終了時刻は開始時刻より後にしてください。", "weekly");

    public static Error RangesOverlap(DayOfWeek day) => Error.Invalid("availability.ranges_overlap", $"{DayName(day)}: 時間帯が重なっています。", "weekly");

    public static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "月曜日",
        DayOfWeek.Tuesday => "火曜日",
        DayOfWeek.Wednesday => "水曜日",
        DayOfWeek.Thursday => "木曜日",
        DayOfWeek.Friday => "金曜日",
        DayOfWeek.Saturday => "土曜日",
        _ => "日曜日",
    };
}
