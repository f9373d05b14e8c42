using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Common;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Auth;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ExpertSupport.Web.Api;

/// <summary>Booking sessions under approved plans: slots, request (idempotent), confirm, decline, cancel, reschedule, no-show.</summary>
internal static class BookingEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public sealed record BookingBody(Guid PlanId, DateTimeOffset Start, int Minutes, SessionMode Mode, string? Note, Yen? AcceptedSubsidy);
    public sealed record RescheduleBody(DateTimeOffset Start, int Minutes, SessionMode Mode, string? Note, Yen? AcceptedSubsidy, string? Reason);
    public sealed record ReasonBody(string? Reason);
    public sealed record OfferBody(Yen OfferedSubsidy);

    public static void MapBookingEndpoints(this RouteGroupBuilder api)
    {
        var bookings = api.MapGroup("/bookings").ForRole(Policies.BookingParties).WithTags("Bookings");

        bookings.MapGet("/slots", async (Guid planId, int? minutes, DateOnly? from, int? days, Guid? replacing, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetBookingSlotsQuery(planId, minutes, from, days ?? 14, replacing), ct)).OkOrNotFound())
            .RequireAuthorization(Policies.Company)
            .WithName("GetBookingSlots")
            .WithSummary("支援計画の空き時間と費用の内訳 / Free slots of a plan's expert, with the expected split")
            .WithDescription(
                "承認済みの支援計画（自社のもの）について、専門家の空き時間を日本時間の日付ごとに返します（時刻は UTC）。" +
                "minutes: 60〜480 の時間単位の倍数（既定 60）、from: 開始日（日本時間）、days: 1〜31（既定 14）、replacing: 日時変更する予約の id。" +
                "quote.reduced が true のときは上限により補助が減るため、予約時に acceptedSubsidy = quote.subsidy を渡して同意を示します。" +
                "予約できないときは unavailable に理由が入ります。他社の計画は 404。");

        bookings.MapPost("/", Create)
            .RequireAuthorization(Policies.Company)
            .WithName("RequestBooking")
            .WithSummary("予約をリクエストする（Idempotency-Key 対応） / Request a session (idempotent with Idempotency-Key)")
            .WithDescription(
                "専門家が確定するまでは requested です。Idempotency-Key ヘッダー（100文字以内）を付けると、同じユーザーが同じキーと同じ内容で" +
                "再送したときは最初の応答（201 と同じ本文、ヘッダー Idempotent-Replayed: true）を返し、予約は1件だけです。" +
                "同じキーで内容が違うときは 409 idempotency.key_reused。ほかの予約と重なると 409 booking.slot_taken（専門家）/ booking.company_busy（自社）。" +
                "上限で補助が減るのに acceptedSubsidy がないときは 400 booking.reduced_subsidy。");

        bookings.MapGet("/", async (BookingScope? scope, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyBookingsQuery(scope ?? BookingScope.Upcoming, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListMyBookings")
            .WithSummary("自分の予約 / My bookings (company or expert)")
            .WithDescription("scope: Upcoming（これからの予約、日時順）| Past（終了・キャンセル等、新しい順）| All。");

        bookings.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetBookingDetailQuery(id), ct)).OkOrNotFound())
            .WithName("GetBookingDetail")
            .WithSummary("予約の詳細と履歴 / A booking with its history (others' bookings are 404)");

        bookings.MapPost("/{id:guid}/confirm", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ConfirmBookingCommand(id), ct)).ToHttpResult())
            .RequireAuthorization(Policies.Expert)
            .WithName("ConfirmBooking")
            .WithSummary("予約を確定する（専門家） / Confirm a request (expert)")
            .WithDescription("補助の見込み額を上限の台帳に確保します。上限の残りが減って企業が同意した額より少なくなるときは確定せず、" +
                "outcome = ReturnedToCompany（企業の同意待ち、offeredSubsidy が新しい額）を返します。");

        bookings.MapPost("/{id:guid}/decline", async (Guid id, ReasonBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DeclineBookingCommand(id, body.Reason), ct)).ToHttpResult())
            .RequireAuthorization(Policies.Expert)
            .WithName("DeclineBooking")
            .WithSummary("予約をお断りする（専門家、理由必須） / Decline a request (expert, reason required)");

        bookings.MapPost("/{id:guid}/accept-subsidy", async (Guid id, OfferBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new AcceptOfferedSubsidyCommand(id, body.OfferedSubsidy), ct)).ToHttpResult())
            .RequireAuthorization(Policies.Company)
            .WithName("AcceptOfferedSubsidy")
            .WithSummary("減った補助額に同意して確定する（企業） / Accept the lower subsidy; the booking is then confirmed (company)");

        bookings.MapPost("/{id:guid}/cancel", async (Guid id, ReasonBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CancelBookingCommand(id, body.Reason), ct)).ToHttpResult())
            .WithName("CancelBooking")
            .WithSummary("予約をキャンセルする（理由必須） / Cancel before the start (reason required); late inside the round's window");

        bookings.MapPost("/{id:guid}/reschedule", async (Guid id, RescheduleBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RescheduleBookingCommand(id, body.Start, body.Minutes, body.Mode, body.Note, body.AcceptedSubsidy, body.Reason), ct))
                    .ToCreatedResult(created => $"/api/bookings/{created.Booking.Id}"))
            .RequireAuthorization(Policies.Company)
            .WithName("RescheduleBooking")
            .WithSummary("日時を変更する（企業） / Reschedule: cancels this booking and requests a new one linked to it (company)");

        bookings.MapPost("/{id:guid}/no-show", async (Guid id, ReasonBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new MarkNoShowCommand(id, body.Reason), ct)).ToHttpResult())
            .WithName("MarkNoShow")
            .WithSummary("相手が来なかったことを記録する / Record a no-show (after the start; up to 7 days after the end)");

        var office = api.MapGroup("/office/bookings").ForRole(Policies.Office).WithTags("Office: bookings");
        office.MapGet("/", async (BookingStatus? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListOfficeBookingsQuery(status, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListOfficeBookings")
            .WithSummary("すべての予約（閲覧のみ） / All bookings (read only), newest session first");
        office.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetBookingDetailQuery(id), ct)).OkOrNotFound())
            .WithName("GetOfficeBookingDetail")
            .WithSummary("予約の詳細と履歴 / A booking with its history");
    }

    private static async Task<Results<Created<BookingView>, UseCaseProblem>> Create(
        BookingBody body, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var result = await sender.Send(new RequestBookingCommand(body.PlanId, body.Start, body.Minutes, body.Mode, body.Note, body.AcceptedSubsidy, idempotencyKey), ct);
        if (result.IsFailure) return new UseCaseProblem(result.Errors);
        if (result.Value.Replayed) response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Created($"/api/bookings/{result.Value.Booking.Id}", result.Value.Booking);
    }
}
