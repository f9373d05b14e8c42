using ExpertSupport.Application.Dashboard;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;

namespace ExpertSupport.IntegrationTests.Dashboard;

/// <summary>Each person's open tasks: what they have to do, on their own data only, and each home page lists them as links.</summary>
public sealed class MyTasksTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_request_is_the_experts_task_a_filed_report_the_companys_and_nobody_else_sees_them()
    {
        var s = await App.ClaimScenarioAsync();
        var other = await App.ClaimScenarioAsync();
        var slot = await App.FirstSlotAsync(s);
        var requested = (await App.RequestAsync(s, slot.Start, 60)).Value.Booking.Id;
        Assert.Contains(await TasksAsync(s.ExpertUser), t => t is { Kind: TaskKind.BookingToConfirm } && t.TargetId == requested && t.Due is not null);
        using var expert = await App.PageClientAsync(s.ExpertUser);
        Assert.Contains($"href=\"/Bookings/{requested}\"", await expert.GetStringAsync("/Expert"), StringComparison.Ordinal);
        var strangers = (await TasksAsync(other.CompanyUser)).Concat(await TasksAsync(other.ExpertUser)).Select(t => t.TargetId).ToList();
        Assert.DoesNotContain(requested, strangers);

        var (ended, start, end) = await App.EndedBookingAsync(s);
        var expertTasks = await TasksAsync(s.ExpertUser);
        Assert.Contains(expertTasks, t => t is { Kind: TaskKind.ReportToFile } && t.TargetId == ended);
        // Its start has passed unanswered: the request has expired and is nobody's task any more.
        Assert.DoesNotContain(expertTasks, t => t.TargetId == requested);
        Assert.Equal(expertTasks.OrderBy(t => t.Since).Select(t => t.Since), expertTasks.Select(t => t.Since));

        var report = await App.FiledReportAsync(s, ended, start, end);
        Assert.Contains(await TasksAsync(s.CompanyUser), t => t is { Kind: TaskKind.ReportToConfirm } && t.TargetId == report);
        Assert.DoesNotContain(await TasksAsync(s.ExpertUser), t => t.TargetId == ended);

        strangers = (await TasksAsync(other.CompanyUser)).Concat(await TasksAsync(other.ExpertUser)).Select(t => t.TargetId).ToList();
        Assert.DoesNotContain(report, strangers);
        using var company = await App.PageClientAsync(s.CompanyUser);
        Assert.Contains($"href=\"/Reports/{report}\"", await company.GetStringAsync("/Company"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_sees_a_closed_batch_to_review_and_links_to_it()
    {
        var s = await App.ClaimScenarioAsync();
        await App.ClaimableSessionAsync(s);
        var batchId = Assert.Single((await App.CloseAsync(await App.PassNextClosingAsync())).BatchIds);
        var office = await App.CreateUserAsync(Roles.Office);

        Assert.Contains(await TasksAsync(office), t => t is { Kind: TaskKind.BatchToReview } && t.TargetId == batchId);
        using var page = await App.PageClientAsync(office);
        Assert.Contains($"href=\"/Office/Claims/Batch/{batchId}\"", await page.GetStringAsync("/Office"), StringComparison.Ordinal);
        Assert.Empty(await TasksAsync(s.CompanyUser));
    }

    private Task<IReadOnlyList<OpenTask>> TasksAsync(TestUser user) => App.Send(user, x => x.Send(new ListMyTasksQuery()));
}
