using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using static ExpertSupport.IntegrationTests.ExactlyOnce.Arrange;

namespace ExpertSupport.IntegrationTests.ExactlyOnce;

/// <summary>
/// Sign-up, availability and the profiles. A profile or the weekly hours is a document saved whole (PUT): repeated saves
/// are applied in turn and all succeed, but what a save makes (the company, the availability, a change request) exists once.
/// </summary>
internal static class ProfileShots
{
    public static IEnumerable<(string, Func<ExactlyOnceFixture, Task<Shot>>)> All =>
    [
        ("account: sign up (identical = same address)", f =>
        {
            var email = $"double-{Guid.NewGuid():N}@test.example.jp";
            var body = new { email, password = "Sign-up-pass-1", displayName = "山田 太郎", role = Roles.Company };
            var normalized = email.ToUpperInvariant();
            return Task.FromResult(new Shot(f.App.CreateClient(), HttpMethod.Post, "/api/auth/register", Shot.Json(body),
                ["identity.DuplicateUserName", "identity.DuplicateEmail"])
            { Made = [One("account", db => db.Users.CountAsync(u => u.NormalizedEmail == normalized))] });
        }),
        ("account: admin creates an office user (identical = same address)", async f =>
        {
            var email = $"office-{Guid.NewGuid():N}@test.example.jp";
            var body = new { email, displayName = "事務局 花子", initialPassword = "Office-pass-1234" };
            var normalized = email.ToUpperInvariant();
            return new Shot(await f.Api(await f.App.CreateUserAsync(Roles.Admin)), HttpMethod.Post, "/api/admin/office-users", Shot.Json(body),
                ["identity.DuplicateUserName", "identity.DuplicateEmail"])
            { Made = [One("account", db => db.Users.CountAsync(u => u.NormalizedEmail == normalized))], Mails = true };
        }),
        ("availability: add a day off (identical = same date)", async f =>
        {
            var (expert, expertId) = await f.App.ExpertAsync();
            await f.App.SetAvailabilityAsync(expertId, BookingBuilders.OfficeHours, Domain.Bookings.AvailabilitySettings.Default);
            var date = f.Today().AddDays(10);
            return new Shot(await f.Api(expert), HttpMethod.Post, "/api/experts/me/availability/exceptions", Shot.Json(new { date, kind = "DayOff", note = "研修" }),
                ["availability.exception_exists"])
            {
                Made = [One("day off", db => db.ExpertAvailabilities.Where(a => a.ExpertId == expertId).SelectMany(a => a.Exceptions).CountAsync(e => e.Date == date))],
            };
        }),
        ("availability: first weekly hours (a replacement: saved in turn, created once)", async f =>
        {
            var (expert, expertId) = await f.App.ExpertAsync();
            var body = new { weekly = new[] { new { day = "Monday", start = "9:00", end = "17:00" } }, bufferMinutes = 15, minimumNoticeHours = 24, horizonDays = 60, worksOnHolidays = false };
            return new Shot(await f.Api(expert), HttpMethod.Put, "/api/experts/me/availability", Shot.Json(body), [])
            { Replacement = true, Made = [One("availability", db => db.ExpertAvailabilities.CountAsync(a => a.ExpertId == expertId))] };
        }),
        ("company profile: first save (a replacement: saved in turn, created once)", async f =>
        {
            var user = await f.App.CreateUserAsync(Roles.Company);
            var body = new
            {
                legalForm = "Corporation", name = "株式会社二重送信", nameKana = "カブシキガイシャニジュウソウシン", corporateNumber = CompanyProfiles.NewCorporateNumber(),
                prefectureCode = 13, address = "千代田区丸の内1-1-1", industry = "ManufacturingAndOthers", capitalYen = 10_000_000, employees = 12,
                contacts = new[] { new { name = "山田 太郎", nameKana = "ヤマダ タロウ", department = "総務部", phone = "03-1234-5678", email = "yamada@example.co.jp" } },
            };
            return new Shot(await f.Api(user), HttpMethod.Put, "/api/companies/me", Shot.Json(body), [])
            {
                Replacement = true,
                Made = [One("company", db => db.Companies.CountAsync(c => c.UserId == user.Id)),
                    AuditRowOf("Company", db => db.Companies.Where(c => c.UserId == user.Id).Select(c => c.Id))],
            };
        }),
        ("expert profile: a new fee (a replacement: saved in turn, one change request)", async f =>
        {
            var user = await f.App.CreateUserAsync(Roles.Expert);
            var profile = ExpertProfiles.Valid();
            var expertId = (await f.App.Send(user, s => s.Send(profile))).Value.ExpertId;
            ExactlyOnceFixture.Ensure(await f.App.Send(f.Reviewer, s => s.Send(new ApproveExpertCommand(expertId))));
            var body = new
            {
                profile.Kind, profile.DisplayName, profile.DisplayNameKana, profile.Bio, profile.Skills, profile.PrefectureCodes, profile.OffersOnline,
                profile.Languages, hourlyFee = 7_000, profile.BankAccount, profile.DeclaresNoConflictOfInterest,
                qualifications = profile.Qualifications!.Where(q => !q.IsBlank),
            };
            return new Shot(await f.Api(user), HttpMethod.Put, "/api/experts/me", Shot.Json(body), [])
            {
                Replacement = true,
                Made = [One("change request", db => db.ExpertChangeRequests.CountAsync(r => r.ExpertId == expertId && r.Status == ChangeRequestStatus.Pending)),
                    AuditRowOf("ExpertChangeRequest", db => db.ExpertChangeRequests.Where(r => r.ExpertId == expertId).Select(r => r.Id))],
            };
        }),
    ];
}
