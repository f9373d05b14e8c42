using ExpertSupport.Domain.Cases;

namespace ExpertSupport.Infrastructure.Seeding;

/// <summary>The words of the demo cases, plans, ratings and messages: what SMEs in the programme actually asked for.</summary>
internal static class DemoPlanTexts
{
    /// <param name="PlanTitle">What a plan for this case is called: a whole phrase, never a case title cut short.</param>
    public sealed record CaseText(string Title, string Description, string[] Skills, WorkMode Mode, int Hours, string PlanTitle);

    public static readonly CaseText[] Cases =
    [
        new("請求書と経理をクラウドにしたい", "紙の請求書をExcelで作り、会計ソフトに手で入力しています。月末は毎回残業です。クラウド会計に移して、銀行明細の取り込みも自動にしたいです。",
            ["cloud-accounting"], WorkMode.Either, 20, "請求書と経理のクラウド化の支援"),
        new("テレワークを始めたい", "事務員3名が週に2日は在宅で働けるようにしたいです。ファイルは事務所のパソコンにあり、電話は代表番号だけです。",
            ["telework", "groupware"], WorkMode.Online, 15, "テレワーク導入の支援"),
        new("ネットショップで地元の特産品を売りたい", "店頭販売だけでは売上が落ちています。ネットショップを開きたいが、何から始めればよいかわかりません。",
            ["ec", "sns"], WorkMode.Either, 30, "ネットショップ開設の支援"),
        new("取引先からEDIでの受発注を求められた", "大手の取引先から来年度から受発注をEDIにすると言われました。FAXと電話で受けている注文をどう変えればよいか相談したいです。",
            ["edi"], WorkMode.Onsite, 12, "EDIによる受発注への移行の支援"),
        new("パソコンのウイルス対策と社内ルールを整えたい", "社員15名。パソコンの管理がばらばらで、取引先から情報セキュリティの状況を聞かれて困っています。SECURITY ACTIONの宣言もしたいです。",
            ["security"], WorkMode.Onsite, 16, "ウイルス対策と社内ルール整備の支援"),
        new("キャッシュレス決済を入れたい", "飲食店です。お客様から電子マネーやQRコードで払いたいと言われます。手数料や入金のタイミングも含めて比較したいです。",
            ["cashless"], WorkMode.Either, 8, "キャッシュレス決済導入の支援"),
        new("IT導入補助金で予約システムを入れたい", "美容室です。電話予約をやめてネット予約にしたいので、IT導入補助金の申請と導入を手伝ってほしいです。",
            ["it-subsidy", "website"], WorkMode.Online, 10, "IT導入補助金による予約システム導入の支援"),
        new("手作業の集計をRPAで減らしたい", "毎朝、複数のサイトから受注データをダウンロードしてExcelにまとめています。1日1時間かかっているので自動化したいです。",
            ["rpa", "data"], WorkMode.Online, 24, "RPAによる集計作業の自動化の支援"),
    ];

    public static readonly string[] PlanGoals =
    [
        "月末の締め作業を今の半分の時間で終えられるようにする。銀行明細とクレジットカードの明細を自動で取り込む。",
        "在宅でも事務所と同じようにファイルを開き、電話の取り次ぎができるようにする。運用ルールを文書にする。",
        "ネットショップを開設し、最初の注文を受けるところまで一緒に進める。発送とお問い合わせの流れを決める。",
        "社内のパソコンとデータの管理ルールを決め、全員が守れる形にする。SECURITY ACTION 二つ星を宣言する。",
        "毎日の集計作業を自動化し、担当者が1日1時間を別の仕事に使えるようにする。",
    ];

    public static readonly (int Stars, string Comment)[] Ratings =
    [
        (5, "専門用語を使わずに説明してくださり、社員全員が使えるようになりました。"),
        (4, "導入はスムーズでした。もう少し早く資料をいただけると助かりました。"),
        (5, "こちらの業務をよく聞いてから提案してくれたので、無理なく続けられています。"),
        (3, "支援内容には満足していますが、日程の調整に時間がかかりました。"),
        (4, "訪問と オンラインを組み合わせてくれて助かりました。"),
        (5, "月末の残業がなくなりました。ありがとうございました。"),
    ];

    public static readonly (string FromCompany, string FromExpert)[] PlanMessages =
    [
        ("初回の打ち合わせは来週の火曜日の午前でいかがでしょうか。", "承知しました。10時に伺います。今お使いの請求書の控えを数枚ご用意ください。"),
        ("社員のパソコンの台数は8台です。古いものが2台あります。", "ありがとうございます。初回にOSのバージョンを一緒に確認しましょう。"),
        ("前回の宿題の商品写真を20点撮りました。", "拝見しました。明るさは十分です。次回は商品説明の書き方をやりましょう。"),
    ];

    public const string CaseQuestion = "現在お使いの会計ソフトと、月の請求書の枚数を教えていただけますか。";
    public const string CaseAnswer = "弥生会計を使っていて、請求書は月に80枚ほどです。";
    public const string ProposalMessage = "同じような規模の会社で、クラウド会計への移行を10件以上お手伝いしてきました。まずは今の流れを一緒に整理するところから始めましょう。";
    public const string SendBackComment = "支援の目標を、終わったときに何ができるようになるかが分かるよう具体的に書いてください。";
    public const string CancelReason = "社内の体制が変わり、今年度は見送ることになったため。";
    public const string DeclineReason = "今回は訪問での支援を希望しているため見送ります。";
}
