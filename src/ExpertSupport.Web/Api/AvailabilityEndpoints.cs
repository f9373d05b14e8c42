using ExpertSupport.Application.Availability;
using ExpertSupport.Application.Calendar;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Web.Auth;
using ExpertSupport.Web.Startup;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpertSupport.Web.Api;

/// <summary>The expert's availability (weekly hours, rules, date exceptions) and the private calendar feed.</summary>
internal static class AvailabilityEndpoints
{
    public sealed record CalendarFeedLink(string Url);

    public sealed record ExceptionBody(DateOnly Date, AvailabilityExceptionKind Kind, string? Start, string? End, string? Note);

    public static void MapAvailabilityEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/experts/me").ForRole(Policies.Expert).WithTags("Availability");

        me.MapGet("/availability", async (ISender sender, CancellationToken ct) => (await sender.Send(new GetAvailabilityQuery(), ct)).OkOrNotFound())
            .WithName("GetAvailability")
            .WithSummary("受付時間の設定 / My availability (404 until the expert profile exists)");
        me.MapPut("/availability", async (SaveAvailabilityCommand body, ISender sender, CancellationToken ct) => (await sender.Send(body, ct)).ToHttpResult())
            .WithName("SaveAvailability")
            .WithSummary("受付時間を保存する / Save weekly hours and rules")
            .WithDescription("weekly: [{ day: \"Monday\", start: \"09:00\", end: \"18:00\" }]（日本時間。深夜0時までは end \"24:00\"、1日4つまで、重ならないこと）、" +
                "bufferMinutes 0〜120（予約と予約の間）、minimumNoticeHours 0〜336（何時間前まで受け付けるか）、horizonDays 1〜365（何日先まで）、" +
                "worksOnHolidays（祝日も受け付けるか。既定は受け付けない）。");
        me.MapPost("/availability/exceptions", async (ExceptionBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new AddAvailabilityExceptionCommand(body.Date, body.Kind, body.Start, body.End, body.Note), ct))
                    .ToCreatedResult(id => $"/api/experts/me/availability/exceptions/{id}"))
            .WithName("AddAvailabilityException")
            .WithSummary("日付ごとの休み・追加の時間を登録する / Add a day off or extra hours on a date (extra hours also open a holiday)");
        me.MapDelete("/availability/exceptions/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RemoveAvailabilityExceptionCommand(id), ct)).ToHttpResult())
            .WithName("RemoveAvailabilityException")
            .WithSummary("日付ごとの設定を削除する / Remove a date exception");
        me.MapPost("/calendar-feed", async Task<Results<Ok<CalendarFeedLink>, UseCaseProblem>> (HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var token = await sender.Send(new RegenerateCalendarFeedCommand(), ct);
                return token.IsSuccess ? TypedResults.Ok(new CalendarFeedLink(FeedUrl(request, token.Value))) : new UseCaseProblem(token.Errors);
            })
            .WithName("RegenerateCalendarFeed")
            .WithSummary("非公開カレンダーURLを発行・再発行する / Issue a new private calendar URL (the old one stops working)");

        api.MapGet("/calendar/{token}.ics", async (string token, HttpResponse response, ISender sender, TimeProvider clock, CancellationToken ct) =>
            {
                var feed = await sender.Send(new GetCalendarFeedQuery(token), ct);
                if (feed is null) return Results.NotFound();
                response.Headers.CacheControl = "private, max-age=900";
                return Results.Text(IcsWriter.Feed(feed.Name, feed.Events, clock.GetUtcNow()), IcsWriter.ContentType);
            })
            .AllowAnonymous().RequireRateLimiting(RateLimits.Public).WithTags("Availability")
            .WithName("GetCalendarFeed")
            .WithSummary("専門家の非公開カレンダー（iCalendar、ログイン不要） / An expert's private calendar feed (METHOD:PUBLISH, no login; the token is the secret)")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar");
    }

    public static string FeedUrl(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/api/calendar/{token}.ics";
}
