using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Common;

/// <summary>One page of a long list, with what a pager needs.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The highest page number anyone may ask for (at 200 a page, two million rows deep); see <see cref="InputRules"/>.</summary>
    public const int MaxPage = 10_000;

    /// <summary>
    /// Counts, then reads one page. The input boundary refuses page numbers and sizes outside their ranges; a page past
    /// the last one shows the last one.
    /// </summary>
    public static async Task<PagedResult<T>> ToPagedAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize <= 0 ? DefaultPageSize : pageSize, 1, MaxPageSize);
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<T>(items, total, page, pageSize);
    }
}

/// <summary>Free-text search typed by office staff, made safe for LIKE: % and _ match themselves.</summary>
public static class TextSearch
{
    /// <summary>%term% with LIKE's wildcards escaped, or null when there is nothing to search for.</summary>
    public static string? ContainsPattern(string? term)
    {
        if (string.IsNullOrWhiteSpace(term)) return null;
        var escaped = term.Trim().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        return $"%{escaped}%";
    }
}
