using ExpertSupport.Domain.Common;
using System.Globalization;
using ExpertSupport.Application.Companies;
using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;
using ExpertSupport.Web.Auth;
using Mediator;

namespace ExpertSupport.Web.Api;

/// <summary>
/// A company's and an expert's own profile. "me" is the signed-in user's; by id, only the owner gets an answer:
/// anybody else gets 404, exactly as for an id that does not exist.
/// </summary>
internal static class ProfileEndpoints
{
    public sealed record CompanyProfileBody(
        LegalForm? LegalForm, string? Name, string? NameKana, string? CorporateNumber, short? PrefectureCode, string? Address,
        IndustryCategory? Industry, Yen? CapitalYen, int? Employees, IReadOnlyList<ContactPersonInput>? Contacts)
    {
        public SaveCompanyProfileCommand ToCommand(Guid? id) => new(id, LegalForm, Name, NameKana, CorporateNumber, PrefectureCode, Address,
            Industry, CapitalYen?.Value.ToString(CultureInfo.InvariantCulture), Employees?.ToString(CultureInfo.InvariantCulture), Contacts);
    }

    public sealed record ExpertProfileBody(
        ExpertKind? Kind, string? DisplayName, string? DisplayNameKana, string? Bio,
        IReadOnlyList<SkillInput>? Skills, IReadOnlyList<QualificationInput>? Qualifications,
        short[]? PrefectureCodes, bool OffersOnline, string[]? Languages, Yen? HourlyFee, BankAccountInput? BankAccount,
        bool DeclaresNoConflictOfInterest)
    {
        public SaveExpertProfileCommand ToCommand(Guid? id) => new(id, Kind, DisplayName, DisplayNameKana, Bio, Skills, Qualifications,
            PrefectureCodes, OffersOnline, Languages, HourlyFee?.Value.ToString(CultureInfo.InvariantCulture), BankAccount, DeclaresNoConflictOfInterest);
    }

    public static void MapProfileEndpoints(this RouteGroupBuilder api)
    {
        var companies = api.MapGroup("/companies").ForRole(Policies.Company).WithTags("Companies");

        companies.MapGet("/me", async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetCompanyProfileQuery(), ct)).OkOrNotFound())
            .WithName("GetMyCompanyProfile")
            .WithSummary("自社の会社情報 / The signed-in company's profile (404 until it is created)");
        companies.MapPut("/me", async (CompanyProfileBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.ToCommand(null), ct)).ToHttpResult())
            .WithName("SaveMyCompanyProfile")
            .WithSummary("会社情報を登録・更新する（中小企業の判定を含む） / Create or update the profile; runs the SME test");
        companies.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetCompanyProfileQuery(id), ct)).OkOrNotFound())
            .WithName("GetCompanyProfile")
            .WithSummary("会社情報（自社のみ） / A company profile (own only; others are 404)");
        companies.MapPut("/{id:guid}", async (Guid id, CompanyProfileBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.ToCommand(id), ct)).ToHttpResult())
            .WithName("SaveCompanyProfile")
            .WithSummary("会社情報を更新する（自社のみ） / Update a company profile (own only; others are 404)");

        var experts = api.MapGroup("/experts").ForRole(Policies.Expert).WithTags("Experts");

        experts.MapGet("/me", async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetExpertProfileQuery(), ct)).OkOrNotFound())
            .WithName("GetMyExpertProfile")
            .WithSummary("自分の専門家プロフィール / The signed-in expert's profile (404 until it is created)");
        experts.MapPut("/me", async (ExpertProfileBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.ToCommand(null), ct)).ToHttpResult())
            .WithName("SaveMyExpertProfile")
            .WithSummary("プロフィールを登録・更新する（承認後の単価・口座の変更は事務局の確認へ） / Create or update; fee and account changes of an approved expert become a change request");
        experts.MapGet("/me/change-requests", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListChangeRequestsQuery(), ct)))
            .WithName("ListMyChangeRequests")
            .WithSummary("自分の変更申請 / My change requests, newest first");
        experts.MapGet("/me/change-requests/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetChangeRequestQuery(id), ct)).OkOrNotFound())
            .WithName("GetMyChangeRequest")
            .WithSummary("変更申請（自分のもののみ） / One of my change requests (others are 404)");
        experts.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetExpertProfileQuery(id), ct)).OkOrNotFound())
            .WithName("GetExpertProfile")
            .WithSummary("専門家プロフィール（本人のみ） / An expert profile with its bank account (own only; others are 404)");
        experts.MapPut("/{id:guid}", async (Guid id, ExpertProfileBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.ToCommand(id), ct)).ToHttpResult())
            .WithName("SaveExpertProfile")
            .WithSummary("プロフィールを更新する（本人のみ） / Update an expert profile (own only; others are 404)");
    }
}
