using System.Diagnostics;
using ExpertSupport.Application.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string? RequestId { get; private set; }

    /// <summary>What the input boundary refused, when that is why this page is shown (a 400).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        // Re-executed after an exception, the status the exception handler chose (400, 403, 503) is already set.
        code ??= Response.StatusCode is >= 400 and not 500 ? Response.StatusCode : null;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is InvalidRequestException refused)
            Problems = [.. refused.Errors.Select(e => e.Message).Distinct()];
        (Title, Message) = code switch
        {
            404 => (l["ページが見つかりません"].Value, l["URL が正しいかご確認ください。ページが移動または削除された可能性があります。"].Value),
            403 => (l["このページを表示する権限がありません"].Value, l["別のアカウントでログインしている可能性があります。"].Value),
            429 => (l["アクセスが集中しています"].Value, l["しばらく時間をおいてから、もう一度お試しください。"].Value),
            400 => (l["リクエストを処理できませんでした"].Value, l["入力内容をご確認のうえ、もう一度お試しください。"].Value),
            _ => (l["エラーが発生しました"].Value, l["申し訳ありません。時間をおいてもう一度お試しください。解決しない場合は事務局へお問い合わせください。"].Value),
        };
    }
}
