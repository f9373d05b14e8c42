namespace ExpertSupport.Application.Matching;

/// <summary>
/// An expert's ratings in sum, kept by a database trigger from <c>plan_ratings</c> (which only accepts ratings of
/// completed plans), so that search can filter and sort by rating without aggregating every rating per query.
/// Never written by code.
/// </summary>
public sealed class ExpertRatingSummary
{
    public Guid ExpertId { get; private set; }
    public int RatingCount { get; private set; }
    public int RatingTotal { get; private set; }
}

/// <summary>
/// The folded text search runs over (name and kana, skill names, bio) and its character bigram codes, kept by database
/// triggers whenever an expert's name, bio or skills change. See README "Expert search" for why bigrams.
/// Never written by code.
/// </summary>
public sealed class ExpertSearchDocument
{
    public Guid ExpertId { get; private set; }
    public string NameText { get; private set; } = "";
    public string SkillText { get; private set; } = "";
    /// <summary>Name, kana, skill names and bio in one, for LIKE (with column statistics to estimate from) and the bigrams.</summary>
    public string Body { get; private set; } = "";
    /// <summary>The distinct character bigrams of <see cref="Body"/> as integer codes (see the Plans migration).</summary>
    public int[] Bigrams { get; private set; } = [];
}
