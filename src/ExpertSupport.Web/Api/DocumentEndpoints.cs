using ExpertSupport.Application.Common;
using ExpertSupport.Application.Documents;
using ExpertSupport.Application.Experts;
using ExpertSupport.Application.Files;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Documents;
using ExpertSupport.Web.Auth;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpertSupport.Web.Api;

/// <summary>
/// Invoices and payment notices (issue 17): the expert's registration number, the office's verification, and the issued
/// documents — searched, exported as CSV, read and downloaded as their frozen PDF by the parties and the office.
/// </summary>
internal static class DocumentEndpoints
{
    public sealed record InvoiceRegistrationBody(string? RegistrationNumber);

    public sealed record CorrectionBody(string? Reason);

    public sealed record DocumentParameters(DateOnly? From, DateOnly? To, long? MinTotal, long? MaxTotal, string? Counterparty, DocumentKind? Kind,
        int? Page, int? PageSize)
    {
        public DocumentFilter Filter => new(From, To, MinTotal is { } min ? new Yen(min) : null, MaxTotal is { } max ? new Yen(max) : null, Counterparty, Kind);
    }

    public static void MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/experts/me").ForRole(Policies.Expert).WithTags("Experts");
        me.MapPut("/invoice-registration", async (InvoiceRegistrationBody body, ISender sender, CancellationToken ct) =>
                ((Result)await sender.Send(new SetInvoiceRegistrationCommand(body.RegistrationNumber), ct)).ToHttpResult())
            .WithName("SetMyInvoiceRegistration")
            .WithSummary("適格請求書発行事業者の登録番号を登録・削除する / Set (or, empty, clear) my invoice registration number")
            .WithDescription("T + 13桁（全角・小文字・空白・ハイフンは正規化）。チェックディジットが違うと 400（errors.registrationNumber）。" +
                "番号を変えると事務局の確認はやり直しになります。");

        var office = api.MapGroup("/office/experts").ForRole(Policies.Office).WithTags("Office: experts");
        office.MapPost("/{id:guid}/invoice-registration/verify", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new VerifyInvoiceRegistrationCommand(id), ct)).ToHttpResult())
            .WithName("VerifyInvoiceRegistration")
            .WithSummary("登録番号を公表サイトで確認済みにする（監査記録） / Mark an expert's registration number verified (audited)");

        var documents = api.MapGroup("/documents").WithTags("Documents");
        documents.MapGet("/", async ([AsParameters] DocumentParameters p, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SearchDocumentsQuery(p.Filter, p.Page ?? 1, p.PageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("SearchDocuments")
            .WithSummary("発行済み書類の検索（取引日・金額・取引先） / Search issued documents by transaction date, amount and counterparty")
            .WithDescription("事務局はすべて、企業は自社宛ての請求書、専門家は自分名義の請求書と支払通知書。from / to: 取引日（両端を含む）、" +
                "minTotal / maxTotal: 税込金額（両端を含む）、counterparty: 企業名か専門家名の一部、kind: Invoice | PaymentNotice。");
        documents.MapGet("/export.csv", ([AsParameters] DocumentParameters p, ISender sender, TimeProvider clock, CancellationToken ct) =>
                StreamedDownload.StartAsync(sender.CreateStream(new ExportDocumentsQuery(p.Filter), ct), DocumentsCsv.WriteAsync,
                    CsvWriter.ContentType, $"documents-{JapanTime.Today(clock):yyyy-MM-dd}.csv", ct))
            .WithName("ExportDocuments")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("検索結果をCSVで出力（UTF-8 BOM付き） / The search result as CSV");
        documents.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetDocumentQuery(id), ct)).OkOrNotFound())
            .WithName("GetDocument")
            .WithSummary("書類の内容（当事者と事務局のみ） / One document with its items and tax breakdown (parties and office only; others 404)");
        documents.MapGet("/{id:guid}/pdf", Pdf)
            .WithName("DownloadDocumentPdf")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithSummary("書類のPDF（初回に凍結、以後は同じバイト列） / The document's PDF (frozen on first download; the same bytes after)");
        documents.MapPost("/{id:guid}/corrections", async (Guid id, CorrectionBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CorrectDocumentCommand(id, body.Reason), ct)).ToCreatedResult(x => $"/api/documents/{x.DocumentId}"))
            .RequireAuthorization(Policies.Office)
            .WithName("CorrectDocument")
            .WithSummary("訂正した書類を発行する（元の書類は残る） / Issue a correction (a new document naming the old, which is kept)");
    }

    private static async Task<Results<FileStreamHttpResult, UseCaseProblem>> Pdf(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var file = await sender.Send(new GetDocumentFileCommand(id), ct);
        if (file.IsFailure) return new UseCaseProblem(file.Errors);
        response.Headers["X-Content-SHA256"] = file.Value.Sha256;
        return TypedResults.Stream(file.Value.Content, "application/pdf", file.Value.FileName);
    }
}
