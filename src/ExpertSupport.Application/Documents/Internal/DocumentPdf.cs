using System.Globalization;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ExpertSupport.Application.Documents;

/// <summary>
/// An issued document as an A4 PDF, in Japanese, with the Japanese font embedded (subset), so it reads the same on any
/// machine and in seven years. The font comes from the system's font packages through the resolver that the host installs
/// (<c>Infrastructure/Files/JapaneseFont.cs</c>): <see cref="FontFamily"/> is the only name asked for.
/// </summary>
public static class DocumentPdf
{
    public const string FontFamily = "ExpertSupportJapanese";

    /// <summary>The office that issues on the expert's behalf (代理交付) and pays the subsidy.</summary>
    public const string OfficeName = "IT専門家派遣事業 事務局";

    private const double Left = 50, Right = 545, Top = 50, Bottom = 790, LineHeight = 15;
    private const int LinesPerPage = 32;

    public static byte[] Render(DocumentView d)
    {
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{Title(d)} {d.Number}";
        pdf.Info.Author = d.Kind == DocumentKind.Invoice ? d.ExpertName : OfficeName;
        pdf.Info.CreationDate = d.IssuedAt.UtcDateTime;
        pdf.Info.Creator = "ExpertSupport";
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var fonts = new Fonts(new XFont(FontFamily, 9, XFontStyleEx.Regular, options), new XFont(FontFamily, 16, XFontStyleEx.Regular, options));

        var pages = d.Lines.Chunk(LinesPerPage).ToList();
        if (pages.Count == 0) pages.Add([]);
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(595);
            page.Height = XUnit.FromPoint(842);
            using var gfx = XGraphics.FromPdfPage(page);
            var y = Top;
            if (i == 0) y = Head(gfx, fonts, d);
            else gfx.DrawString($"{Title(d)} {d.Number}（続き）", fonts.Text, XBrushes.Black, Left, y += LineHeight);
            y = LinesTable(gfx, fonts, d, pages[i], y + LineHeight);
            if (i == pages.Count - 1) Foot(gfx, fonts, d, y + LineHeight);
            gfx.DrawString($"{i + 1} / {pages.Count}", fonts.Text, XBrushes.Gray, new XRect(Left, Bottom, Right - Left, LineHeight), XStringFormats.TopRight);
        }
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public static string Title(DocumentView d) => d.Kind switch
    {
        DocumentKind.PaymentNotice => "支払通知書",
        _ when d.IsQualified => "適格請求書",
        _ => "請求書",
    };

    private sealed record Fonts(XFont Text, XFont Title);

    private static double Head(XGraphics gfx, Fonts f, DocumentView d)
    {
        var y = Top;
        gfx.DrawString(Title(d), f.Title, XBrushes.Black, new XRect(Left, y, Right - Left, 24), XStringFormats.TopCenter);
        y += 34;
        Text(gfx, f, $"番号: {d.Number}", Right, y, right: true);
        Text(gfx, f, $"発行日: {Date(JapanTime.DateOf(d.IssuedAt))}", Right, y + LineHeight, right: true);
        var recipient = d.Kind == DocumentKind.Invoice ? $"{d.CompanyName} 御中" : $"{d.ExpertName} 様";
        Text(gfx, f, recipient, Left, y);
        y += LineHeight * 3;
        if (d.Kind == DocumentKind.Invoice)
        {
            Text(gfx, f, $"発行者（役務の提供者）: {d.ExpertName}", Left, y);
            Text(gfx, f, d.RegistrationNumber is { } n ? $"登録番号: {n}" : "登録番号: なし（適格請求書発行事業者ではありません）", Left, y += LineHeight);
            Text(gfx, f, $"交付: {OfficeName}（発行者に代わって交付）", Left, y += LineHeight);
        }
        else
        {
            Text(gfx, f, $"支払者: {OfficeName}", Left, y);
            Text(gfx, f, $"支払先（役務の提供者）: {d.ExpertName}", Left, y += LineHeight);
            Text(gfx, f, d.RegistrationNumber is { } n ? $"支払先の登録番号: {n}" : "支払先の登録番号: なし", Left, y += LineHeight);
        }
        Text(gfx, f, $"取引年月日: {Date(d.TransactionFrom)} 〜 {Date(d.TransactionTo)}", Left, y += LineHeight);
        if (d.CorrectsSerialNo is { } old)
            Text(gfx, f, $"訂正: {DocumentNumbers.Format(d.Kind, old)} を訂正します（{d.CorrectionReason}）", Left, y += LineHeight);
        y += LineHeight * 1.5;
        var b = d.Breakdown;
        var label = d.Kind == DocumentKind.Invoice ? "ご請求額（企業負担分・税込）" : "お支払額（国の補助・税込）";
        Text(gfx, f, $"{label}: {b.Total}", Left, y);
        Text(gfx, f, $"{b.RatePercent}%対象 {b.Total}（税抜 {b.WithoutTax}） 消費税 {b.Tax}", Left, y += LineHeight);
        return y + LineHeight;
    }

    private static double LinesTable(XGraphics gfx, Fonts f, DocumentView d, IReadOnlyList<DocumentLine> lines, double y)
    {
        var amountLabel = d.Kind == DocumentKind.Invoice ? "金額（税込）" : "補助額（税込）";
        Text(gfx, f, "実施日", Left, y);
        Text(gfx, f, "時間", Left + 95, y);
        Text(gfx, f, "対象時間", Left + 185, y);
        Text(gfx, f, d.Kind == DocumentKind.Invoice ? "内容" : "支援先", Left + 250, y);
        Text(gfx, f, amountLabel, Right, y, right: true);
        gfx.DrawLine(XPens.Black, Left, y + LineHeight - 2, Right, y + LineHeight - 2);
        foreach (var l in lines)
        {
            y += LineHeight;
            var start = JapanTime.ToTokyo(l.SessionStart);
            var end = JapanTime.ToTokyo(l.SessionEnd);
            Text(gfx, f, Date(DateOnly.FromDateTime(start.DateTime)), Left, y);
            Text(gfx, f, $"{start:HH:mm}〜{end:HH:mm}", Left + 95, y);
            Text(gfx, f, Hours(l.BillableMinutes), Left + 185, y);
            Text(gfx, f, d.Kind == DocumentKind.Invoice ? "IT専門家による支援（10%対象）" : l.Counterpart, Left + 250, y);
            Text(gfx, f, l.Amount.ToString(), Right, y, right: true);
        }
        return y + LineHeight;
    }

    private static void Foot(XGraphics gfx, Fonts f, DocumentView d, double y)
    {
        var b = d.Breakdown;
        gfx.DrawLine(XPens.Black, Left, y - 2, Right, y - 2);
        Text(gfx, f, $"合計 {d.LineCount}件  {b.RatePercent}%対象 {b.Total}  うち消費税 {b.Tax}（端数切捨て・1回）", Right, y, right: true);
        y += LineHeight * 1.5;
        if (d.Kind == DocumentKind.Invoice && !d.IsQualified)
        {
            Text(gfx, f, "この請求書は適格請求書ではありません。仕入税額控除の経過措置により控除できる割合:", Left, y);
            foreach (var n in d.Transitional)
                Text(gfx, f, $"{Date(n.From)}〜{Date(n.To)}の取引 {n.Total}（消費税 {n.Tax}）: {n.DeductiblePercent}%", Left + 10, y += LineHeight);
            y += LineHeight;
        }
        if (d.Kind == DocumentKind.Invoice)
            Text(gfx, f, "謝金のうち国の補助分は事務局から発行者へ支払われ、この請求額には含まれません。", Left, y += LineHeight);
        Text(gfx, f, $"保存期限: {Date(d.KeepUntil)}", Left, y + LineHeight);
    }

    private static void Text(XGraphics gfx, Fonts f, string text, double x, double y, bool right = false) =>
        gfx.DrawString(text, f.Text, XBrushes.Black,
            right ? new XRect(Left, y, x - Left, LineHeight) : new XRect(x, y, Right - x, LineHeight),
            right ? XStringFormats.TopRight : XStringFormats.TopLeft);

    public static string Date(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string Hours(int minutes) => minutes % 60 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}時間")
        : string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}時間{minutes % 60}分");
}
