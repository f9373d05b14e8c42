using System.Globalization;
using ExpertSupport.Application.Dashboard;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Dashboard;

/// <summary>The office home: the headline counts and the dashboard of a round (the active one unless chosen).</summary>
public sealed class OfficeHomeModel(ISender sender, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Round { get; set; }

    public OfficeHome Home { get; private set; } = null!;
    public OfficeDashboard? Dashboard { get; private set; }
    public BudgetChartModel? Chart { get; private set; }

    public IReadOnlyList<OpenTask> Tasks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Home = await sender.Send(new GetOfficeHomeQuery(), ct);
        Tasks = await sender.Send(new ListMyTasksQuery(), ct);
        Dashboard = await sender.Send(new GetOfficeDashboardQuery(Round), ct);
        if (Dashboard is null) return Round is null ? Page() : NotFound();
        var r = Dashboard.Round;
        var today = JapanTime.Today(clock);
        var end = today < r.PeriodStart ? r.PeriodStart : today > r.PeriodEnd ? r.PeriodEnd : today;
        Chart = BudgetChart.Build(Dashboard.Timeline, Dashboard.Budget.Budget, r.PeriodStart, end);
        return Page();
    }

    /// <summary>Where the office acts on an overdue item.</summary>
    public static string Link(OverdueKind kind, Guid id) => kind switch
    {
        OverdueKind.ReportsUnconfirmed => $"/Reports/{id}",
        OverdueKind.ExpertsPending => $"/Office/Experts/{id}",
        _ => $"/Office/Claims/Batch/{id}",
    };

    /// <summary>The list page of each kind of overdue item.</summary>
    public static string ListLink(OverdueKind kind) => kind switch
    {
        OverdueKind.ReportsUnconfirmed => "/Office/Reports?filter=Overdue",
        OverdueKind.BatchesInReview => "/Office/Claims?status=Reviewing",
        OverdueKind.BatchesNotExported => "/Office/Claims?status=Approved",
        _ => "/Office/Experts?status=Pending",
    };

    /// <summary>An SVG coordinate, with a dot whatever the UI culture.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A share of the budget as SVG width out of 1000 (the bars scale to their viewBox, no inline style).</summary>
    public static int Per1000(long part, long whole) => whole <= 0 ? 0 : (int)Math.Clamp(Math.Round(1000m * part / whole), 0, 1000);
}
