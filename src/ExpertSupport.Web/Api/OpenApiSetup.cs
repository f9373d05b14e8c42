using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ExpertSupport.Web.Api;

/// <summary>The document's frame: who may call (the two security schemes), where, and what each tag is about.</summary>
internal static class OpenApiSetup
{
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Account"] = "ログイン・登録・パスワード再設定 / Log-in (bearer token), sign-up, password reset, the signed-in user",
        ["Subsidy"] = "費用の試算 / The public cost quote",
        ["Availability"] = "専門家の受付時間と非公開カレンダー / An expert's availability and private calendar feed",
        ["Admin"] = "事務局アカウントの管理（Admin） / Office accounts (Admin)",
        ["Office: programme rounds"] = "制度年度と上限の利用状況 / Programme rounds and cap use",
        ["Office: dashboard"] = "事務局ダッシュボード / The office dashboard",
        ["Companies"] = "企業の会社情報 / A company's own profile",
        ["Experts"] = "専門家のプロフィールと変更申請 / An expert's own profile and change requests",
        ["Office: companies"] = "企業の一覧・利用停止 / Companies for the office: list, export, suspension",
        ["Office: experts"] = "専門家の審査・変更申請 / Experts for the office: vetting, change requests, suspension",
        ["Bookings"] = "予約 / Bookings of sessions under approved plans",
        ["Office: bookings"] = "すべての予約（閲覧） / All bookings, read only",
        ["Office: claims"] = "謝金申請の締め・審査・出力・支払 / Claim batches: runs, review, exports, payments",
        ["Claims: my notices"] = "支払決定通知・実費請求 / My payment decisions and share notices",
        ["Session reports"] = "支援実施報告 / Session reports with evidence",
        ["Office: session reports"] = "異議・期限切れの報告の判断 / Disputed and overdue reports for the office",
        ["Cases"] = "相談案件と提案 / Consultation cases and proposals",
        ["Expert search"] = "専門家を探す / Expert search for companies",
        ["Plans"] = "支援計画 / Support plans, ratings and messages",
        ["Office: plans"] = "支援計画の審査 / Plan review by the office",
        ["Office: audit trail"] = "監査履歴 / The audit trail",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddOperationTransformer<ApiContractTransformer>();
        options.AddSchemaTransformer(ErrorJsonConverter.DescribeAsString);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ExpertSupport API";
            document.Info.Version = "v1";
            document.Info.Description =
                "中小企業デジタル化支援（IT専門家派遣）の API。ブラウザーと同じアカウントで使えます: " +
                "画面のログイン Cookie、または POST /api/auth/login で得たベアラートークン。" +
                "エラーはすべて RFC 7807 の problem details で返します。";
            // Relative: the API is served by the host that serves this document (any environment, any proxy).
            document.Servers = [new OpenApiServer { Url = "/", Description = "この文書を配信しているサーバー / The server of this document" }];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer",
                    Description = "POST /api/auth/login の accessToken（8時間） / The accessToken from POST /api/auth/login (8 hours)",
                },
                [Cookie] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "es.auth",
                    Description = "画面でログインしたときの Cookie / The cookie of a log-in on the pages",
                },
            };
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                if (tag.Name is not null && TagDescriptions.TryGetValue(tag.Name, out var description)) tag.Description = description;
            return Task.CompletedTask;
        });
    }
}
