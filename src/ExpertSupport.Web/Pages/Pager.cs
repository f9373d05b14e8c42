using ExpertSupport.Application.Common;

namespace ExpertSupport.Web.Pages;

/// <summary>What the _Pager partial needs from a paged list.</summary>
public sealed record Pager(int Page, int PageCount, int Total)
{
    public static Pager Of<T>(PagedResult<T> result) => new(result.Page, result.PageCount, result.Total);
}
