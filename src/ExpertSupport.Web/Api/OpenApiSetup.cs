using Microsoft.AspNetCore.OpenApi;

namespace ExpertSupport.Web.Api;

internal static class OpenApiSetup
{
    public static void Configure(OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ExpertSupport API";
            document.Info.Version = "v1";
            document.Info.Description =
                "中小企業デジタル化支援（IT専門家派遣）の API。ブラウザーと同じアカウントで使えます: " +
                "画面のログイン Cookie、または POST /api/auth/login で得たベアラートークン。" +
                "エラーはすべて RFC 7807 の problem details で返します。";
            return Task.CompletedTask;
        });
}
