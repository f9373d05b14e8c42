using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;

namespace ExpertSupport.IntegrationTests.Contract;

public sealed partial class ApiContractTests
{
    /// <summary>A company and an approved expert made through the API, who then open cases, propose and plan.</summary>
    private sealed record People(TestUser Company, Guid CompanyId, TestUser Expert, Guid ExpertId);

    private static object CompanyBody(string corporateNumber) => new
    {
        legalForm = "Corporation", name = "株式会社契約テスト", nameKana = "カブシキガイシャケイヤクテスト", corporateNumber, prefectureCode = 27,
        address = "大阪市北区1-1", industry = "Services", capitalYen = 20_000_000, employees = 8,
        contacts = new[] { new { name = "田中 一郎", nameKana = "タナカ イチロウ", department = "代表", phone = "06-1234-5678", email = "tanaka@example.jp" } },
    };

    private static object ExpertBody(long fee) => new
    {
        kind = "Individual", displayName = "契約 専門家", displayNameKana = "ケイヤク センモンカ", bio = "EC構築を支援しています。",
        skills = new[] { new { code = "ec", level = "Expert" } }, qualifications = Array.Empty<object>(),
        prefectureCodes = new[] { 27 }, offersOnline = true, languages = new[] { "ja" }, hourlyFee = fee,
        bankAccount = new { bankCode = "0001", branchCode = "001", accountType = "Ordinary", accountNumber = "1234567", holderName = "ケイヤク" },
        declaresNoConflictOfInterest = true,
    };

    /// <summary>Profiles, vetting, change requests, suspension, availability and the calendar feed, and expert search.</summary>
    private async Task<People> ProfilesAndVettingAsync()
    {
        var companyUser = await App.CreateUserAsync(Roles.Company);
        using var company = await App.ApiClientAsync(companyUser);
        var corporateNumber = CompanyProfiles.NewCorporateNumber();
        var companyId = (await Ok(company, "SaveMyCompanyProfile", "/api/companies/me", CompanyBody(corporateNumber))).GetProperty("companyId").GetGuid();
        await Ok(company, "GetMyCompanyProfile", "/api/companies/me");
        await Ok(company, "GetCompanyProfile", $"/api/companies/{companyId}");
        await Ok(company, "SaveCompanyProfile", $"/api/companies/{companyId}", CompanyBody(corporateNumber));

        var expertUser = await App.CreateUserAsync(Roles.Expert);
        using var expert = await App.ApiClientAsync(expertUser);
        var expertId = (await Ok(expert, "SaveMyExpertProfile", "/api/experts/me", ExpertBody(5_000))).GetProperty("expertId").GetGuid();
        await Ok(expert, "GetMyExpertProfile", "/api/experts/me");
        await Ok(expert, "GetExpertProfile", $"/api/experts/{expertId}");
        await Ok(expert, "SaveExpertProfile", $"/api/experts/{expertId}", ExpertBody(5_000));

        using var office = await Login(Roles.Office);
        await Ok(office, "ListExperts", "/api/office/experts?status=Pending");
        await Ok(office, "ExportExperts", "/api/office/experts/export.csv");
        await Ok(office, "GetExpertDetail", $"/api/office/experts/{expertId}");
        await Ok(office, "ApproveExpert", $"/api/office/experts/{expertId}/approve");

        var raise = (await Ok(expert, "SaveMyExpertProfile", "/api/experts/me", ExpertBody(6_000))).GetProperty("pendingChangeRequestId").GetGuid();
        await Ok(expert, "ListMyChangeRequests", "/api/experts/me/change-requests");
        await Ok(expert, "GetMyChangeRequest", $"/api/experts/me/change-requests/{raise}");
        await Ok(office, "ListChangeRequests", "/api/office/experts/change-requests");
        await Ok(office, "ApproveChangeRequest", $"/api/office/experts/change-requests/{raise}/approve");
        var tooMuch = (await Ok(expert, "SaveMyExpertProfile", "/api/experts/me", ExpertBody(9_000))).GetProperty("pendingChangeRequestId").GetGuid();
        await Ok(office, "RejectChangeRequest", $"/api/office/experts/change-requests/{tooMuch}/reject", new { reason = "根拠の説明をお願いします" });

        using var another = await App.ApiClientAsync(await App.CreateUserAsync(Roles.Expert));
        var refusedId = (await Ok(another, "SaveMyExpertProfile", "/api/experts/me", ExpertBody(5_000))).GetProperty("expertId").GetGuid();
        await Ok(office, "RejectExpert", $"/api/office/experts/{refusedId}/reject", new { reason = "実績の記載がありません" });
        await Ok(office, "SuspendExpert", $"/api/office/experts/{expertId}/suspend", new { reason = "確認のため一時停止" });
        await Ok(office, "ReinstateExpert", $"/api/office/experts/{expertId}/reinstate", new { reason = "確認が取れました" });

        await Ok(office, "ListCompanies", "/api/office/companies?prefecture=27");
        await Ok(office, "ExportCompanies", "/api/office/companies/export.csv?prefecture=27");
        await Ok(office, "GetCompanyDetail", $"/api/office/companies/{companyId}");
        await Ok(office, "SuspendCompany", $"/api/office/companies/{companyId}/suspend", new { reason = "確認のため一時停止" });
        await Ok(office, "ReinstateCompany", $"/api/office/companies/{companyId}/reinstate", new { reason = "確認が取れました" });

        await AvailabilityAsync(expert);
        await Ok(company, "SearchExperts", "/api/experts/search?skill=ec");
        await Ok(company, "GetExpertCard", $"/api/experts/search/{expertId}");
        return new People(companyUser, companyId, expertUser, expertId);
    }

    private async Task AvailabilityAsync(HttpClient expert)
    {
        await Ok(expert, "SaveAvailability", "/api/experts/me/availability", new
        {
            weekly = new[] { new { day = "Monday", start = "09:00", end = "18:00" }, new { day = "Thursday", start = "13:00", end = "24:00" } },
            bufferMinutes = 15, minimumNoticeHours = 24, horizonDays = 60, worksOnHolidays = false,
        });
        await Ok(expert, "GetAvailability", "/api/experts/me/availability");
        var dayOff = await Ok(expert, "AddAvailabilityException", "/api/experts/me/availability/exceptions", new { date = Date(Today.AddDays(10)), kind = "DayOff" });
        await Ok(expert, "RemoveAvailabilityException", $"/api/experts/me/availability/exceptions/{dayOff.GetGuid()}");
        var feed = new Uri((await Ok(expert, "RegenerateCalendarFeed", "/api/experts/me/calendar-feed")).GetProperty("url").GetString()!);
        using var anonymous = App.CreateClient();
        await Ok(anonymous, "GetCalendarFeed", feed.AbsolutePath);
    }
}
