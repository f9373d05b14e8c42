using ExpertSupport.Application.Common;

namespace ExpertSupport.Web.Pages;

/// <summary>What the _Pager partial needs from a paged list.</summary>
public sealed record Pager(int Page, int PageCount, int Total)
{
    public static Pager Of<T>(PagedResult<T> result) => new(result.Page, result.PageCount, result.Total);
}

/// <summary>
/// The query parameter of the page number in the UI. Not "page": Razor Pages puts the page's own path in the route value
/// "page", which wins over the query string, so ?page=2 never reached the model and every list stayed on its first page.
/// </summary>
public static class PageQuery
{
    public const string Name = "p";
}

