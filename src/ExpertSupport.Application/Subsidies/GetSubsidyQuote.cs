using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using Mediator;
using static ExpertSupport.Domain.Common.TypedNumberOutcome;

namespace ExpertSupport.Application.Subsidies;

/// <summary>The answer of GET /api/subsidy/quote: how a session's fee splits in the active round.</summary>
public sealed record SubsidyQuote(
    long HourlyRate,
    int Minutes,
    int BillableMinutes,
    long Fee,
    long SubsidyBeforeCaps,
    long Subsidy,
    long CompanyShare,
    string CappedBy,
    long CompanyCapLeftAfter,
    long ExpertCapLeftAfter);

/// <summary>The quote and the round's numbers that explain it (for the simulator page).</summary>
public sealed record SubsidyQuoteAnswer(SubsidyQuote Quote, string RoundName, SubsidyRules Rules, long CutByCaps);

/// <summary>
/// The public cost simulator. The inputs stay text until here so that anything a visitor types (empty,
/// "abc", full-width digits) gets an answer naming the field, never a server error.
/// </summary>
[AnySignedIn]
public sealed record GetSubsidyQuoteQuery(string? HourlyRate, string? Minutes, string? CompanySubsidyUsed, string? ExpertSubsidyUsed)
    : IQuery<Result<SubsidyQuoteAnswer>>;

public sealed class GetSubsidyQuoteHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<GetSubsidyQuoteQuery, Result<SubsidyQuoteAnswer>>
{
    public const int MaxMinutes = 1_440;

    public async ValueTask<Result<SubsidyQuoteAnswer>> Handle(GetSubsidyQuoteQuery query, CancellationToken ct)
    {
        var round = await db.ActiveRoundAsync(clock, ct);
        if (round is null) return LedgerErrors.NoActiveRound;
        var rules = round.Rules;

        var errors = new List<Error>();
        var rate = Parse(query.HourlyRate, "hourlyRate", "時間単価", "円", rules.CompanyMinimumPerHour, SubsidyRules.MaxHourlyRate, errors);
        var minutes = Parse(query.Minutes, "minutes", "相談時間", "分", 1, MaxMinutes, errors);
        var companyUsed = Parse(query.CompanySubsidyUsed, "companySubsidyUsed", "御社がこれまでに受けた補助額", "円", 0, rules.CompanyCap, errors);
        var expertUsed = Parse(query.ExpertSubsidyUsed, "expertSubsidyUsed", "専門家がこれまでに受けた補助額", "円", 0, rules.ExpertCap, errors);
        if (errors.Count > 0) return Result<SubsidyQuoteAnswer>.Failure(errors);

        var calculated = SubsidyCalculator.Calculate(rules, rate, (int)minutes, rules.CompanyCap - companyUsed, rules.ExpertCap - expertUsed);
        if (calculated.IsFailure) return Result<SubsidyQuoteAnswer>.Failure(calculated.Errors);
        var b = calculated.Value;
        var quote = new SubsidyQuote(rate, (int)minutes, b.BillableMinutes, b.Fee, b.SubsidyBeforeCaps, b.Subsidy, b.CompanyShare,
            b.CappedBy.ToString().ToLowerInvariant(),
            CompanyCapLeftAfter: rules.CompanyCap - companyUsed - b.Subsidy,
            ExpertCapLeftAfter: rules.ExpertCap - expertUsed - b.Subsidy);
        return new SubsidyQuoteAnswer(quote, round.Name, rules, b.CutByCaps);
    }

    private static long Parse(string? text, string field, string label, string unit, long min, long max, List<Error> errors)
    {
        switch (TypedNumber.Read(text, out long value))
        {
            case Missing:
                errors.Add(Error.Invalid($"quote.{field}.missing", $"{label}を入力してください。", field));
                return 0;
            case NotANumber:
                errors.Add(Error.Invalid($"quote.{field}.not_a_number", $"{label}は数字で入力してください。", field));
                return 0;
            case Ok when value >= min && value <= max:
                return value;
            default: // too large for a number, or outside the range
                errors.Add(Error.Invalid($"quote.{field}.out_of_range", $"{label}は{SubsidyErrors.Yen(min)}{unit}以上{SubsidyErrors.Yen(max)}{unit}以下で入力してください。", field));
                return 0;
        }
    }
}
