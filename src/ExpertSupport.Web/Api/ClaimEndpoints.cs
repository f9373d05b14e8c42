using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Common;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Auth;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpertSupport.Web.Api;

/// <summary>Claim batches for the office (run, review, approve, export) and the notices of experts and companies.</summary>
internal static class ClaimEndpoints
{
    public sealed record RunBody(DateTimeOffset PeriodEnd);
    public sealed record ReasonBody(string? Reason);
    public sealed record PaidBody(DateOnly PaidOn);

    public sealed record LineListParameters(
        string? Expert, string? Company, short? Prefecture, Yen? MinSubsidy, Yen? MaxSubsidy, ClaimFlags? Flag, bool? FlaggedOnly,
        ClaimLineStatus? Status, ClaimLineSort? Sort, bool? Desc, int? Page, int? PageSize)
    {
        public ClaimLineFilter Filter => new(Expert, Company, Prefecture, MinSubsidy, MaxSubsidy, Flag, FlaggedOnly ?? false, Status);
    }

    public static void MapClaimEndpoints(this RouteGroupBuilder api)
    {
        var office = api.MapGroup("/office/claims").ForRole(Policies.Office).WithTags("Office: claims");

        office.MapGet("/schedule", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetClaimScheduleQuery(), ct)))
            .WithName("GetClaimSchedule")
            .WithSummary("締めのスケジュールと直近の締め日・実行 / The batch schedule, recent closings and runs")
            .WithDescription("期間は締め日（cron が動く日の日本時間 0:00）で終わります。closings は手動で実行できる直近の締め日（新しい順）と、作成済みの締め（batchIds）。");
        office.MapPost("/runs", async (RunBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new StartClaimRunCommand(body.PeriodEnd), ct)).ToCreatedResult(id => $"/api/office/claims/runs/{id}"))
            .WithName("StartClaimRun")
            .WithSummary("締め処理を手動で実行する / Run the batch job by hand for a closing")
            .WithDescription("periodEnd は締め日（schedule の closings[].end）。ジョブに登録し、実行の id を返します。同じ期間を何度実行しても締めは1つです。" +
                "締め日前は 400 claims.period_not_closed、締め日でない日時は 400 claims.not_a_closing。");
        office.MapGet("/runs/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetClaimRunQuery(id), ct)).OkOrNotFound())
            .WithName("GetClaimRun")
            .WithSummary("締め処理の進み具合 / A run's progress (status, step of stepCount, percent, batchIds when done)");

        office.MapGet("/batches", async (ClaimBatchStatus? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListClaimBatchesQuery(status, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListClaimBatches")
            .WithSummary("締めの一覧（新しい期間から） / Claim batches, newest period first");
        office.MapGet("/batches/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetClaimBatchQuery(id), ct)).OkOrNotFound())
            .WithName("GetClaimBatch")
            .WithSummary("締めの詳細: 合計・印の件数・都道府県別・出力・履歴 / A batch: totals, flags, by prefecture, exports, history");
        office.MapGet("/batches/{id:guid}/lines", async (Guid id, [AsParameters] LineListParameters p, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListClaimLinesQuery(id, p.Filter, p.Sort ?? ClaimLineSort.Session, p.Desc ?? false, p.Page ?? 1, p.PageSize ?? Paging.DefaultPageSize), ct))
                    .OkOrNotFound())
            .WithName("ListClaimLines")
            .WithSummary("明細の一覧（絞り込み・並べ替え） / Lines of a batch, filtered and sorted")
            .WithDescription("expert / company: 名前の一部、prefecture: 都道府県コード、minSubsidy / maxSubsidy: 補助額、flag: LongSession | ManySessionsInADay | CompanyAtCap | NoEvidence、" +
                "flaggedOnly、status: Pending | Approved | Rejected、sort: Session | Expert | Company | Prefecture | Subsidy | Fee | Worked、desc。");
        office.MapPost("/batches/{id:guid}/approve-unflagged", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ApproveUnflaggedClaimLinesCommand(id), ct)).ToHttpResult())
            .WithName("ApproveUnflaggedClaimLines")
            .WithSummary("印のない未決定の明細をまとめて承認する / Approve every pending line without a flag (returns the count)")
            .WithDescription("承認できる明細が残っていないときは 409 claims.nothing_to_approve。");
        office.MapPost("/batches/{id:guid}/approve", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ApproveClaimBatchCommand(id), ct)).ToHttpResult())
            .RequireAuthorization(Policies.FreshSecondFactor)
            .WithName("ApproveClaimBatch")
            .WithSummary("締めを承認する（支払日が決まります） / Approve a batch whose lines are all decided; fixes the payment date")
            .WithDescription("未決定の明細があると 409 claims.lines_undecided。制度年度がダブルチェックを求めるとき、明細を判断した人は承認できません（403 claims.four_eyes_reviewer）。" +
                "支払日は承認日（日本時間）の1か月後の次の10日・20日・月末で、銀行休業日なら前営業日。");
        office.MapPost("/batches/{id:guid}/exports/{format}", async (Guid id, ClaimExportFormat format, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ExportClaimBatchCommand(id, format), ct)).ToCreatedResult(x => $"/api/office/claims/batches/{id}/exports/{x.Format}"))
            .RequireAuthorization(Policies.FreshSecondFactor)
            .WithName("ExportClaimBatch")
            .WithSummary("承認済みの締めを出力する（CSV / XLSX / Zengin） / Export an approved batch (generated once; locks the batch)")
            .WithDescription("format: Csv | Xlsx | Zengin。最初の出力で締めはロックされます（Exported）。承認した人は出力できません（403 claims.four_eyes_exporter）。" +
                "同じ形式の2回目の出力は 409 claims.already_exported（ファイルは GET で何度でも同じバイト列をダウンロードできます）。口座のない専門家がいると Zengin は 409 claims.no_bank_account。");
        office.MapGet("/batches/{id:guid}/exports/{format}", Download)
            .WithName("DownloadClaimExport")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain")
            .WithSummary("出力済みのファイルをダウンロードする（毎回同じバイト列） / Download a stored export (the same bytes every time)");

        office.MapGet("/batches/{id:guid}/claims", async (Guid id, ClaimPaymentStatus? paymentStatus, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListClaimPaymentsQuery(id, paymentStatus, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)).OkOrNotFound())
            .WithName("ListClaimPayments")
            .WithSummary("承認済みの締めの専門家ごとの申請と支払状況 / The experts' claims of an approved batch with their payments")
            .WithDescription("paymentStatus: Unpaid（未払い） | Paid（支払済み） | Returned（振込不能）。支払額0円の申請は支払の対象外です。");
        office.MapPost("/batches/{id:guid}/paid", async (Guid id, PaidBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new MarkClaimBatchPaidCommand(id, body.PaidOn), ct)).ToHttpResult())
            .WithName("MarkClaimBatchPaid")
            .WithSummary("出力済みの締めの未払いの申請をすべて支払済みにする / Mark every unpaid payable claim of an exported batch paid")
            .WithDescription("paidOn: 支払日（日本時間の日付、出力日以降・今日まで）。出力前は 409 claims.batch_not_exported、未払いがなければ 409 claims.nothing_to_pay。" +
                "振込不能の申請は対象外です（1件ずつ支払済みにします）。すべての支払対象が支払済みになると締めは Paid になります。");
        office.MapPost("/claims/{claimId:guid}/paid", async (Guid claimId, PaidBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new MarkClaimPaidCommand(claimId, body.PaidOn), ct)).ToHttpResult())
            .WithName("MarkClaimPaid")
            .WithSummary("専門家ごとの申請を支払済みにする（振込不能からの再支払も） / Mark one expert's claim paid (also after a bank return)")
            .WithDescription("すでに支払済みなら 409 claims.already_paid、支払額0円なら 409 claims.not_payable、日付の誤りは 400 claims.paid_before_export / claims.paid_in_future。");
        office.MapPost("/claims/{claimId:guid}/bank-return", async (Guid claimId, ReasonBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RecordClaimBankReturnCommand(claimId, body.Reason), ct)).ToHttpResult())
            .WithName("RecordClaimBankReturn")
            .WithSummary("振込不能・組戻し（理由必須）: 支払を取り消し、専門家に口座の確認をメールで依頼 / Bank return: reverses the payment, e-mails the expert")
            .WithDescription("支払済みでない申請は 409 claims.not_paid。申請は未払い（振込不能）に戻り、あとで再び支払済みにできます。");

        office.MapGet("/lines/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetClaimLineQuery(id), ct)).OkOrNotFound())
            .WithName("GetClaimLine")
            .WithSummary("明細の詳細（報告・受領・印・判断・履歴） / A line with its report, receipt, flags, decision and history");
        office.MapPost("/lines/{id:guid}/approve", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ApproveClaimLineCommand(id), ct)).ToHttpResult())
            .WithName("ApproveClaimLine")
            .WithSummary("明細を承認する / Approve a line");
        office.MapPost("/lines/{id:guid}/reject", async (Guid id, ReasonBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RejectClaimLineCommand(id, body.Reason), ct)).ToHttpResult())
            .WithName("RejectClaimLine")
            .WithSummary("明細を不承認にする（理由必須・補助を戻し専門家にメール） / Reject a line (reason required): reverses its subsidy, e-mails the expert");
        office.MapGet("/notices/payment/{claimId:guid}", async (Guid claimId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetPaymentNoticeQuery(claimId), ct)).OkOrNotFound())
            .WithName("GetPaymentNotice")
            .WithSummary("専門家の支払決定通知 / An expert's payment decision notice");
        office.MapGet("/notices/share/{batchId:guid}/{companyId:guid}", async (Guid batchId, Guid companyId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetShareNoticeQuery(batchId, companyId), ct)).OkOrNotFound())
            .WithName("GetShareNotice")
            .WithSummary("企業の実費請求（企業負担分） / A company's share notice");

        var mine = api.MapGroup("/claims/mine").ForRole(Policies.BookingParties).WithTags("Claims: my notices");
        mine.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListMyClaimNoticesQuery(), ct)))
            .WithName("ListMyClaimNotices")
            .WithSummary("自分の通知の一覧 / My notices: payment decisions (expert) or share notices (company), newest first");
        mine.MapGet("/payment-notices/{claimId:guid}", async (Guid claimId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetPaymentNoticeQuery(claimId), ct)).OkOrNotFound())
            .RequireAuthorization(Policies.Expert)
            .WithName("GetMyPaymentNotice")
            .WithSummary("支払決定通知（本人のものだけ、ほかは 404） / My payment decision notice (others: 404)");
        mine.MapGet("/share-notices/{batchId:guid}", async (Guid batchId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetShareNoticeQuery(batchId), ct)).OkOrNotFound())
            .RequireAuthorization(Policies.Company)
            .WithName("GetMyShareNotice")
            .WithSummary("実費請求（自社のものだけ） / My company's share notice for a batch");
    }

    private static async Task<Results<FileStreamHttpResult, NotFoundProblem>> Download(Guid id, ClaimExportFormat format, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var file = await sender.Send(new GetClaimExportFileQuery(id, format), ct);
        if (file is null) return new NotFoundProblem(Domain.Common.Error.NotFound("claims.export_not_found"));
        response.Headers["X-Content-SHA256"] = file.Sha256;
        return TypedResults.Stream(file.Content, file.ContentType, file.FileName);
    }
}
