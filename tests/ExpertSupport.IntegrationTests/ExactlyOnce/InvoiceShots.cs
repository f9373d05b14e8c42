using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Documents;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using static ExpertSupport.IntegrationTests.ExactlyOnce.Arrange;

namespace ExpertSupport.IntegrationTests.ExactlyOnce;

/// <summary>Issue 17: the registration number (a replacement, saved once), its verification, and a document's correction.</summary>
internal static class InvoiceShots
{
    public static IEnumerable<(string, Func<ExactlyOnceFixture, Task<Shot>>)> All =>
    [
        ("invoice registration: expert sets a number (a replacement: saved in turn, changed once)", async f =>
        {
            var (expert, id) = await f.App.ExpertAsync();
            return new Shot(await f.Api(expert), HttpMethod.Put, "/api/experts/me/invoice-registration", Shot.Json(new { registrationNumber = "T7000012050002" }), [])
            { Audit = new("Expert", id), Replacement = true };
        }),
        ("invoice registration: office verifies", async f =>
        {
            var (expert, id) = await f.App.ExpertAsync();
            ExactlyOnceFixture.Ensure(await f.App.Send(expert, s => s.Send(new SetInvoiceRegistrationCommand("T7000012050002"))));
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/office/experts/{id}/invoice-registration/verify", Shot.Empty,
                ["invoice.registration_already_verified"])
            { Audit = new("Expert", id) };
        }),
        ("document: office issues a correction", async f =>
        {
            var id = await f.App.Db(db => db.IssuedDocuments.Where(d => d.BatchId == f.Claims.Approved && d.Kind == DocumentKind.Invoice)
                .Select(d => d.Id).FirstAsync());
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/documents/{id}/corrections", Shot.Json(new { reason = Reason }),
                ["documents.already_corrected"])
            { Made = [One("correction", db => db.IssuedDocuments.CountAsync(d => d.CorrectsId == id))] };
        }),
    ];
}
