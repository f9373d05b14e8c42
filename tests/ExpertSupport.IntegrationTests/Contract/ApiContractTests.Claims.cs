using ExpertSupport.Domain.Common;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Contract;

public sealed partial class ApiContractTests
{
    /// <summary>A closed period's batch through review (four eyes), export, payments and a bank return; the notices; a manual run.</summary>
    private async Task ClaimsAsync()
    {
        var scenarios = new List<BookingScenario>();
        for (var i = 0; i < 3; i++)
        {
            var s = await App.ClaimScenarioAsync();
            scenarios.Add(s);
            await App.ClaimableSessionAsync(s);
        }
        var batchId = (await App.CloseAsync(await App.PassNextClosingAsync())).BatchIds.Single();
        using var reviewer = await Login(Roles.Office);
        using var approver = await Login(Roles.Office);

        var schedule = await Ok(reviewer, "GetClaimSchedule", "/api/office/claims/schedule");
        var run = await Ok(reviewer, "StartClaimRun", "/api/office/claims/runs", new { periodEnd = schedule.GetProperty("closings")[0].GetProperty("end").GetDateTimeOffset() });
        await Ok(reviewer, "GetClaimRun", $"/api/office/claims/runs/{run.GetGuid()}");
        await Ok(reviewer, "ListClaimBatches", "/api/office/claims/batches");
        await Ok(reviewer, "GetClaimBatch", $"/api/office/claims/batches/{batchId}");
        var lines = (await Ok(reviewer, "ListClaimLines", $"/api/office/claims/batches/{batchId}/lines?sort=Expert"))
            .GetProperty("items").EnumerateArray().Where(l => scenarios.Any(s => s.ExpertId == l.GetProperty("expertId").GetGuid()))
            .Select(l => (Id: l.GetProperty("id").GetGuid(), Expert: l.GetProperty("expertId").GetGuid())).ToList();
        var (paid, refused) = (lines[0], lines[1]);
        await Ok(reviewer, "GetClaimLine", $"/api/office/claims/lines/{paid.Id}");
        await Ok(reviewer, "ApproveClaimLine", $"/api/office/claims/lines/{paid.Id}/approve");
        await Ok(reviewer, "RejectClaimLine", $"/api/office/claims/lines/{refused.Id}/reject", new { reason = "証拠が不十分です。" });
        await Ok(reviewer, "ApproveUnflaggedClaimLines", $"/api/office/claims/batches/{batchId}/approve-unflagged");
        var pending = (await Ok(reviewer, "ListClaimLines", $"/api/office/claims/batches/{batchId}/lines?status=Pending&pageSize=100"))
            .GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).ToList();
        foreach (var line in pending) await Ok(reviewer, "ApproveClaimLine", $"/api/office/claims/lines/{line}/approve");
        await Ok(approver, "ApproveClaimBatch", $"/api/office/claims/batches/{batchId}/approve");
        await Ok(reviewer, "ExportClaimBatch", $"/api/office/claims/batches/{batchId}/exports/Csv");
        await Ok(reviewer, "DownloadClaimExport", $"/api/office/claims/batches/{batchId}/exports/Csv");
        await Ok(reviewer, "ListClaimPayments", $"/api/office/claims/batches/{batchId}/claims");

        var claimId = await App.Db(db => db.Claims.Where(c => c.BatchId == batchId && c.ExpertId == paid.Expert).Select(c => c.Id).SingleAsync(Ct));
        await Ok(reviewer, "MarkClaimPaid", $"/api/office/claims/claims/{claimId}/paid", new { paidOn = Date(Today) });
        await Ok(reviewer, "RecordClaimBankReturn", $"/api/office/claims/claims/{claimId}/bank-return", new { reason = "口座番号相違（組戻し）" });
        await Ok(reviewer, "MarkClaimBatchPaid", $"/api/office/claims/batches/{batchId}/paid", new { paidOn = Date(Today) });

        var owner = scenarios.Single(s => s.ExpertId == paid.Expert);
        await Ok(reviewer, "GetPaymentNotice", $"/api/office/claims/notices/payment/{claimId}");
        await Ok(reviewer, "GetShareNotice", $"/api/office/claims/notices/share/{batchId}/{owner.CompanyId}");
        using var expert = await App.ApiClientAsync(owner.ExpertUser);
        await Ok(expert, "ListMyClaimNotices", "/api/claims/mine");
        await Ok(expert, "GetMyPaymentNotice", $"/api/claims/mine/payment-notices/{claimId}");
        using var company = await App.ApiClientAsync(owner.CompanyUser);
        await Ok(company, "GetMyShareNotice", $"/api/claims/mine/share-notices/{batchId}");
    }
}
