using System.Globalization;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Files;
using ExpertSupport.Application.Reports;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using ExpertSupport.Web.Auth;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ExpertSupport.Web.Api;

/// <summary>Session reports (支援実施報告): filing with evidence, resubmission, confirmation (settles the subsidy), disputes, receipts, evidence downloads.</summary>
internal static class ReportEndpoints
{
    public sealed record ReasonBody(string? Reason);
    public sealed record ReceiptBody(DateOnly ReceivedOn, Yen Amount);
    public sealed record DecisionBody(OfficeDecision Decision, string? Reason);

    /// <summary>The multipart form of a report, as documented for API clients (the endpoint reads it itself, see <see cref="EvidenceUploads"/>).</summary>
    public sealed record ReportForm(
        Guid BookingId, DateTimeOffset ActualStart, DateTimeOffset ActualEnd, int BreakMinutes, string Summary, IFormFileCollection? Files, string[]? Links);

    public static void MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Session reports");

        reports.MapGet("/", async (ReportFilter? filter, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyReportsQuery(filter ?? ReportFilter.Open, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.BookingParties)
            .WithName("ListMyReports")
            .WithSummary("自分の支援実施報告 / My session reports (company or expert)")
            .WithDescription("filter: Open（確認待ち・差し戻し中）| ToConfirm（企業の確認待ち）| Confirmed | All。split は確定済みなら精算額、" +
                "それ以外は今の上限の残りで確認した場合の見込み（settled = false）。");

        reports.MapGet("/to-file", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListSessionsToReportQuery(), ct)))
            .RequireAuthorization(Policies.Expert)
            .WithName("ListSessionsToReport")
            .WithSummary("報告が必要な支援（専門家） / Ended sessions without a report (expert)")
            .WithDescription("overdueToFile は、終了から制度年度の報告期間（既定7日）を過ぎたもの。");

        reports.MapGet("/preview", async (Guid bookingId, DateTimeOffset actualStart, DateTimeOffset actualEnd, int? breakMinutes, ISender sender, CancellationToken ct) =>
                (await sender.Send(new PreviewReportSplitQuery(bookingId, actualStart, actualEnd, breakMinutes ?? 0), ct) ?? NotFoundProblem.Error).ToHttpResult())
            .RequireAuthorization(Policies.Expert)
            .WithName("PreviewReportSplit")
            .WithSummary("費用の内訳の試算（専門家） / Preview the split for these times, with the caps left now (expert)")
            .WithDescription("報告フォームの試算です。確認された時点の上限の残りで精算されるため、実際の額は確認時に確定します。時刻は ISO 8601（例 2026-11-20T10:00:00+09:00）。");

        reports.MapPost("/", File)
            .RequireAuthorization(Policies.Expert)
            .Accepts<ReportForm>("multipart/form-data")
            .WithName("FileSessionReport")
            .WithSummary("支援実施報告を提出する（専門家、証拠の添付可） / File a session report with evidence (expert)")
            .WithDescription("multipart/form-data: bookingId, actualStart, actualEnd（ISO 8601）, breakMinutes, summary（50文字以上）, files（複数可）, links（複数可、https のみ）。" +
                "ファイルは写真（JPEG・PNG・HEIC）、PDF、録画・録音（MP4・MOV・M4A・MP3・WebM）で、種類はファイルの中身（先頭のバイト）で判定します。" +
                "1ファイル20MBまで（設定 Evidence:MaxFileBytes）。大きすぎる・種類が違うファイルは 400 で、errors.files にファイル名入りの説明が入ります。" +
                "予約が終了していないときは 409 report.booking_not_ended、提出済みは 409 report.already_filed。");

        reports.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetReportDetailQuery(id), ct)).OkOrNotFound())
            .WithName("GetReportDetail")
            .WithSummary("支援実施報告の詳細 / A report with its evidence, split, ledger rows and history (parties and office; others 404)");

        reports.MapPost("/{id:guid}/resubmit", Resubmit)
            .RequireAuthorization(Policies.Expert)
            .Accepts<ReportForm>("multipart/form-data")
            .WithName("ResubmitSessionReport")
            .WithSummary("異議を受けた報告を修正して再提出する（専門家） / Correct and resubmit a disputed report (expert)")
            .WithDescription("提出と同じ形式（bookingId は不要）。すべての項目を修正後の内容で送ります。以前の証拠は残り、新しい証拠が追加されます。企業の確認期限は再提出から数え直します。");

        reports.MapPost("/{id:guid}/confirm", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ConfirmSessionReportCommand(id), ct)).ToHttpResult())
            .RequireAuthorization(Policies.Company)
            .WithName("ConfirmSessionReport")
            .WithSummary("報告を確認する（企業）: 補助を精算 / Confirm a report (company): settles the subsidy")
            .WithDescription("一つのトランザクションで予約の確保分を解放し、その時点の上限の残りで実際の補助を精算します（上限に達した分は企業の負担）。" +
                "確認後の報告は変更できません。応答は精算された内訳（settled = true）。");

        reports.MapPost("/{id:guid}/dispute", async (Guid id, ReasonBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DisputeSessionReportCommand(id, body.Reason), ct)).ToHttpResult())
            .RequireAuthorization(Policies.Company)
            .WithName("DisputeSessionReport")
            .WithSummary("報告に異議を出す（企業、理由必須） / Dispute a report (company, reason required)");

        reports.MapPost("/{id:guid}/receipt", async (Guid id, ReceiptBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RecordShareReceiptCommand(id, body.ReceivedOn, body.Amount), ct)).ToHttpResult())
            .RequireAuthorization(Policies.Expert)
            .WithName("RecordShareReceipt")
            .WithSummary("企業負担分の受領を記録する（専門家） / Record receipt of the company's share (expert)")
            .WithDescription("受領日（日本時間の日付）と金額。企業の負担額とちょうど同じ金額のときだけ、謝金申請の対象（claimable）になります。謝金申請に含まれるまでは訂正できます。");

        reports.MapGet("/{id:guid}/evidence/{evidenceId:guid}", DownloadEvidence)
            .WithName("DownloadEvidence")
            .WithSummary("証拠ファイルをダウンロードする / Download an evidence file (the two parties and the office; anyone else 404)")
            .WithDescription("Content-Disposition: attachment、X-Content-Type-Options: nosniff。Content-Type は保存時にファイルの中身から判定した種類です。")
            .Produces(StatusCodes.Status200OK, typeof(Stream), EvidenceTypes.Jpeg.ContentType,
                EvidenceTypes.Png.ContentType, EvidenceTypes.Heic.ContentType, EvidenceTypes.Pdf.ContentType, EvidenceTypes.Mp4.ContentType,
                EvidenceTypes.QuickTime.ContentType, EvidenceTypes.M4a.ContentType, EvidenceTypes.Mp3.ContentType, EvidenceTypes.WebM.ContentType);

        var office = api.MapGroup("/office/reports").RequireAuthorization(Policies.Office).WithTags("Office: session reports");
        office.MapGet("/", async (OfficeReportFilter? filter, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListOfficeReportsQuery(filter ?? OfficeReportFilter.Disputed, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListOfficeReports")
            .WithSummary("異議・確認期限切れの報告 / Disputed, overdue or all reports")
            .WithDescription("filter: Disputed（異議、古い順）| Overdue（企業の確認期限切れ、期限の古い順。自動では確認されません）| All。");
        office.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetReportDetailQuery(id), ct)).OkOrNotFound())
            .WithName("GetOfficeReportDetail")
            .WithSummary("報告の詳細 / A report with its history");
        office.MapPost("/{id:guid}/decide", async (Guid id, DecisionBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DecideSessionReportCommand(id, body.Decision, body.Reason), ct)).ToHttpResult())
            .WithName("DecideSessionReport")
            .WithSummary("異議・期限切れの報告を判断する / Decide a disputed or overdue report: Confirm (settles) or Void (releases the reservation); reason required")
            .WithDescription("企業の確認期限内の報告は判断できません（409 report.company_deciding）。");
        office.MapPost("/{id:guid}/correct", async (Guid id, ReasonBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ReverseSettledSubsidyCommand(id, body.Reason), ct)).ToHttpResult())
            .WithName("ReverseSettledSubsidy")
            .WithSummary("確定した補助を取り消す（訂正） / Correct a confirmed report: reverse its settled subsidy with a reversing ledger entry; reason required")
            .WithDescription("報告そのものは変わらず、台帳に取り消しの行が加わり、その支援は謝金申請の対象外になります。取り消しは一度だけです（応答は取り消した額、2回目は 409 report.already_reversed）。" +
                "謝金申請に含まれた後は請求の審査で却下します（409 report.claimed）。");
    }

    private static async Task<Results<Created<Guid>, UseCaseProblem>> File(HttpRequest request, IOptions<EvidenceOptions> limits, ISender sender, CancellationToken ct)
    {
        var form = await EvidenceUploads.ReadFormAsync(request, limits.Value, ct);
        if (form.IsFailure) return new UseCaseProblem(form.Errors);
        var f = form.Value;
        var errors = new List<Error>();
        var bookingId = Guid.TryParse(f["bookingId"], out var b) ? b : Missing(errors, Error.Invalid("report.booking_id_required", "bookingId"), Guid.Empty);
        var (start, end, breaks) = Facts(f, errors);
        if (errors.Count > 0) return new UseCaseProblem(errors);
        var result = await sender.Send(new FileSessionReportCommand(bookingId, start, end, breaks, f["summary"],
            EvidenceUploads.Files(f.Files), EvidenceUploads.Links(f["links"])), ct);
        return result.ToCreatedResult(id => $"/api/reports/{id}");
    }

    private static async Task<Results<NoContent, UseCaseProblem>> Resubmit(Guid id, HttpRequest request, IOptions<EvidenceOptions> limits, ISender sender, CancellationToken ct)
    {
        var form = await EvidenceUploads.ReadFormAsync(request, limits.Value, ct);
        if (form.IsFailure) return new UseCaseProblem(form.Errors);
        var f = form.Value;
        var errors = new List<Error>();
        var (start, end, breaks) = Facts(f, errors);
        if (errors.Count > 0) return new UseCaseProblem(errors);
        return (await sender.Send(new ResubmitSessionReportCommand(id, start, end, breaks, f["summary"],
            EvidenceUploads.Files(f.Files), EvidenceUploads.Links(f["links"])), ct)).ToHttpResult();
    }

    private static async Task<Results<FileStreamHttpResult, NotFoundProblem>> DownloadEvidence(Guid id, Guid evidenceId, HttpResponse response, ISender sender, IFileStore files, CancellationToken ct)
    {
        var file = await sender.Send(new GetEvidenceFileQuery(id, evidenceId), ct);
        var stream = file is null ? null : await files.OpenAsync(file.StorageKey, ct);
        if (file is null || stream is null) return new NotFoundProblem();
        response.Headers[HeaderNames.ContentDisposition] = EvidenceUploads.ContentDisposition(file.FileName);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.Stream(stream, file.ContentType, enableRangeProcessing: true);
    }

    private static (DateTimeOffset Start, DateTimeOffset End, int Breaks) Facts(IFormCollection f, List<Error> errors)
    {
        var start = DateTimeOffset.TryParse(f["actualStart"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s)
            ? s : Missing(errors, Error.Invalid("report.actual_start_format", "actualStart"), default(DateTimeOffset));
        var end = DateTimeOffset.TryParse(f["actualEnd"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e)
            ? e : Missing(errors, Error.Invalid("report.actual_end_format", "actualEnd"), default(DateTimeOffset));
        var breaks = TypedNumber.Read(f["breakMinutes"].ToString(), out long m) switch
        {
            TypedNumberOutcome.Missing => 0,
            TypedNumberOutcome.Ok when m is >= int.MinValue and <= int.MaxValue => (int)m,
            _ => Missing(errors, Error.Invalid("report.break_minutes_format", "breakMinutes"), 0),
        };
        return (start, end, breaks);
    }

    private static T Missing<T>(List<Error> errors, Error error, T fallback)
    {
        errors.Add(error);
        return fallback;
    }
}
