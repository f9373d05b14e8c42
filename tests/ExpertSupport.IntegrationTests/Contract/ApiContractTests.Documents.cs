using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Contract;

public sealed partial class ApiContractTests
{
    /// <summary>After the claims: an expert's registration number and its verification, then the documents the batch issued.</summary>
    private async Task DocumentsAsync()
    {
        var invoice = await App.Db(db => db.IssuedDocuments.AsNoTracking().Where(d => d.Kind == DocumentKind.Invoice)
            .OrderByDescending(d => d.SerialNo).Select(d => new { d.Id, d.ExpertId, d.CompanyId }).FirstAsync(Ct));
        var expertUser = await App.Db(db => (from e in db.Experts where e.Id == invoice.ExpertId join u in db.Users on e.UserId equals u.Id
                                              select new Testing.TestUser(u.Id, u.Email!, Roles.Expert)).SingleAsync(Ct));
        using var expert = await App.ApiClientAsync(expertUser);
        await Ok(expert, "SetMyInvoiceRegistration", "/api/experts/me/invoice-registration", new { registrationNumber = "T7000012050002" });
        using var office = await Login(Roles.Office);
        await Ok(office, "VerifyInvoiceRegistration", $"/api/office/experts/{invoice.ExpertId}/invoice-registration/verify");

        await Ok(office, "SearchDocuments", "/api/documents?kind=Invoice&minTotal=1");
        await Ok(office, "ExportDocuments", "/api/documents/export.csv?kind=Invoice");
        await Ok(expert, "GetDocument", $"/api/documents/{invoice.Id}");
        await Ok(expert, "DownloadDocumentPdf", $"/api/documents/{invoice.Id}/pdf");
        await Ok(office, "CorrectDocument", $"/api/documents/{invoice.Id}/corrections", new { reason = "登録番号の確認後に再発行" });
    }
}
