using Cronos;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Rounds;

/// <summary>Checks shared by creating and editing a round: the domain's rules plus the cron's syntax.</summary>
internal static class RoundSettingsRules
{
    public static void Check<T>(ProgrammeRoundSettings? settings, ValidationContext<T> context)
    {
        if (settings is null)
        {
            context.AddError(Error.Invalid("round.missing", "name"));
            return;
        }
        foreach (var error in settings.Validate())
            context.AddError(error);
        if (!string.IsNullOrWhiteSpace(settings.ClaimBatchCron) && !IsCron(settings.ClaimBatchCron))
            context.AddError(Error.Invalid("round.cron_syntax", "claimBatchCron"));
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
            : Error.Conflict("round.overlap", other).At("periodStart");
    }
}

public static class RoundErrors
{
    public static readonly Error NotFound = Error.NotFound("round.not_found");

    /// <summary>A company has already used <paramref name="used"/> of its cap: the cap cannot go below it.</summary>
    public static Error CompanyCapBelowUse(Yen used) => Error.Conflict("round.company_cap_below_use", used).At("companyCap");

    public static Error ExpertCapBelowUse(Yen used) => Error.Conflict("round.expert_cap_below_use", used).At("expertCap");
}
