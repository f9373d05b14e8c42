using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using Mediator;
using static ExpertSupport.Domain.Common.TypedNumberOutcome;

namespace ExpertSupport.Application.Subsidies;

/// <summary>The answer of GET /api/subsidy/quote: how a session's fee splits in the active round.</summary>
public sealed record SubsidyQuote(
    Yen HourlyRate,
    int Minutes,
    int BillableMinutes,
    Yen Fee,
    Yen SubsidyBeforeCaps,
    Yen Subsidy,
    Yen CompanyShare,
    string CappedBy,
    Yen CompanyCapLeftAfter,
    Yen ExpertCapLeftAfter);

/// <summary>The quote and the round's numbers that explain it (for the simulator page).</summary>
public sealed record SubsidyQuoteAnswer(SubsidyQuote Quote, string RoundName, SubsidyRules Rules, Yen CutByCaps);

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
        var rate = Parse(query.HourlyRate, "hourlyRate", new Phrase("quote.hourly_rate"), rules.CompanyMinimumPerHour.Value, SubsidyRules.MaxHourlyRate.Value, errors);
        var minutes = Parse(query.Minutes, "minutes", new Phrase("quote.minutes"), 1, MaxMinutes, errors, inMinutes: true);
        var companyUsed = Parse(query.CompanySubsidyUsed, "companySubsidyUsed", new Phrase("quote.company_subsidy_used"), 0, rules.CompanyCap.Value, errors);
        var expertUsed = Parse(query.ExpertSubsidyUsed, "expertSubsidyUsed", new Phrase("quote.expert_subsidy_used"), 0, rules.ExpertCap.Value, errors);
        if (errors.Count > 0) return Result<SubsidyQuoteAnswer>.Failure(errors);

        // The visitor says what the caps have used so far; the caps left follow from it as from the ledger.
        var caps = CapsLeft.Of(new CapUse(rules.CompanyCap, Yen.Zero, new Yen(companyUsed)), new CapUse(rules.ExpertCap, Yen.Zero, new Yen(expertUsed)));
        var calculated = caps.Split(rules, new Yen(rate), (int)minutes);
        if (calculated.IsFailure) return Result<SubsidyQuoteAnswer>.Failure(calculated.Errors);
        var b = calculated.Value;
        var quote = new SubsidyQuote(b.HourlyRate, (int)minutes, b.BillableMinutes, b.Fee, b.SubsidyBeforeCaps, b.Subsidy, b.CompanyShare,
            b.CappedBy.ToString().ToLowerInvariant(),
            CompanyCapLeftAfter: caps.Company - b.Subsidy,
            ExpertCapLeftAfter: caps.Expert - b.Subsidy);
        return new SubsidyQuoteAnswer(quote, round.Name, rules, b.CutByCaps);
    }

    /// <summary>The label names the field in the reader's language; min and max are yen, or minutes.</summary>
    private static long Parse(string? text, string field, Phrase label, long min, long max, List<Error> errors, bool inMinutes = false)
    {
        switch (TypedNumber.Read(text, out long value))
        {
            case Missing:
                errors.Add(Error.Invalid("quote.missing", field, label));
                return 0;
            case NotANumber:
                errors.Add(Error.Invalid("quote.not_a_number", field, label));
                return 0;
            case Ok when value >= min && value <= max:
                return value;
            default: // too large for a number, or outside the range
                errors.Add(inMinutes
                    ? Error.Invalid("quote.minutes_out_of_range", field, label, min, max)
                    : Error.Invalid("quote.yen_out_of_range", field, label, min, max));
                return 0;
        }
    }
}
