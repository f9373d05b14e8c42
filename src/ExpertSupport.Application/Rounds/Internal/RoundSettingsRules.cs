using Cronos;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Rounds;

/// <summary>Checks shared by creating and editing a round: the domain's rules plus the cron's syntax.</summary>
internal static class RoundSettingsRules
{
    public static void Check<T>(ProgrammeRoundSettings? settings, ValidationContext<T> context)
    {
        if (settings is null)
        {
            context.AddFailure(new ValidationFailure("name", "制度年度の設定を入力してください。") { ErrorCode = "round.missing" });
            return;
        }
        foreach (var error in settings.Validate())
            context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
        if (!string.IsNullOrWhiteSpace(settings.ClaimBatchCron) && !IsCron(settings.ClaimBatchCron))
            context.AddFailure(new ValidationFailure("claimBatchCron",
                "スケジュールは cron 形式（分 時 日 月 曜日、例: 30 0 1,16 * *）で入力してください。") { ErrorCode = "round.claimBatchCron" });
    }

    /// <summary>Five fields, as Hangfire reads them (Hangfire embeds the same parser).</summary>
    public static bool IsCron(string expression) => CronExpression.TryParse(expression.Trim(), CronFormat.Standard, out _);

    /// <summary>Periods never overlap: the active round of a day must be unique. The database refuses it too.</summary>
    public static async Task<Error?> OverlapAsync(AppDbContext db, ProgrammeRoundSettings s, Guid? except, CancellationToken ct)
    {
        var other = await db.ProgrammeRounds.AsNoTracking()
            .Where(r => r.Id != except && r.PeriodStart <= s.PeriodEnd && r.PeriodEnd >= s.PeriodStart)
            .Select(r => r.Name).FirstOrDefaultAsync(ct);
        return other is null ? null
            : new Error("round.overlap", $"期間が「{other}」と重なっています。制度年度の期間は重ねられません。", ErrorKind.Conflict, "periodStart");
    }
}

public static class RoundErrors
{
    public static readonly Error NotFound = Error.NotFound("round.not_found", "制度年度が見つかりません。");

    public static Error CapBelowUse(string field, string who, long used) =>
        new("round.cap_below_use", $"すでに{SubsidyErrors.Yen(used)}円まで上限を使っている{who}があります。上限はそれより低くできません。", ErrorKind.Conflict, field);
}
