using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Claims;

public static class ClaimErrors
{
    public static readonly Error BatchNotFound = Error.NotFound("claims.batch_not_found", "謝金申請の締めが見つかりません。");
    public static readonly Error LineNotFound = Error.NotFound("claims.line_not_found", "謝金申請の明細が見つかりません。");
    public static readonly Error RunNotFound = Error.NotFound("claims.run_not_found", "締め処理の実行記録が見つかりません。");
    public static readonly Error NotFound = Error.NotFound("claims.not_found", "見つかりません。");
    public static readonly Error NoActiveRound = Error.NotFound("claims.no_round", "現在、実施中の制度年度がありません。");
    public static readonly Error BatchNotReviewing = Error.Conflict("claims.batch_not_reviewing", "この締めは承認済みのため、明細の判断は変更できません。");
    public static readonly Error BatchNotApproved = Error.Conflict("claims.batch_not_approved", "承認されていない締めは出力できません。");
    public static readonly Error LineRejected = Error.Conflict("claims.line_rejected", "この明細はすでに不承認です。不承認は取り消せません。");
    public static readonly Error LineAlreadyRejected = Error.Conflict("claims.line_already_rejected", "この明細はすでに不承認にしています。");
    public static readonly Error LineAlreadyApproved = Error.Conflict("claims.line_already_approved", "この明細はすでに承認しています。");
    public static readonly Error NothingToApprove = Error.Conflict("claims.nothing_to_approve", "印のない未決定の明細はありません（すでに承認済みです）。");
    public static readonly Error BatchAlreadyApproved = Error.Conflict("claims.batch_already_approved", "この締めはすでに承認されています。");
    public static readonly Error AlreadyExported = Error.Conflict("claims.already_exported",
        "この形式のファイルはすでに出力されています。同じファイルをダウンロードしてください。");
    public static readonly Error BatchAlreadyPaid = Error.Conflict("claims.batch_already_paid", "この締めの申請はすでにすべて支払済みです。");
    public static readonly Error AlreadyReturned = Error.Conflict("claims.already_returned", "この申請の振込不能はすでに記録されています。");
    public static readonly Error ReasonRequired = Error.Invalid("claims.reason_required", "不承認の理由を入力してください（専門家にメールで伝わります）。", "reason");

    public static readonly Error ReviewerCannotApprove = Error.Forbidden("claims.four_eyes_reviewer",
        "この締めの明細を審査した人は、締めを承認できません（ダブルチェックのため、別の担当者が承認してください）。");

    public static readonly Error ApproverCannotExport = Error.Forbidden("claims.four_eyes_exporter",
        "この締めを承認した人は、出力できません（別の担当者が出力してください）。");

    public static readonly Error PeriodNotClosed = Error.Invalid("claims.period_not_closed",
        "まだ締め日を迎えていない期間です。締め日（0時）を過ぎてから実行してください。", "periodEnd");

    public static readonly Error NotAClosing = Error.Invalid("claims.not_a_closing",
        "指定された日時は、この制度年度の締め日ではありません。一覧から締め日を選んでください。", "periodEnd");

    public static Error LinesUndecided(int pending) => Error.Conflict("claims.lines_undecided",
        $"まだ判断していない明細が{pending:N0}件あります。すべての明細を承認または不承認にしてから、締めを承認してください。");

    public static readonly Error ClaimNotFound = Error.NotFound("claims.claim_not_found", "専門家ごとの謝金申請が見つかりません。");
    public static readonly Error BatchNotExported = Error.Conflict("claims.batch_not_exported",
        "この締めはまだ出力（全銀ファイルの作成）されていません。支払済みにできるのは、出力した後です。");
    public static readonly Error NotPayable = Error.Conflict("claims.not_payable", "この申請は支払額が0円のため、支払の対象ではありません。");
    public static readonly Error AlreadyPaid = Error.Conflict("claims.already_paid", "この申請はすでに支払済みです。");
    public static readonly Error NothingToPay = Error.Conflict("claims.nothing_to_pay",
        "この締めに未払いの申請はありません（振込不能の申請は、口座を確認してから1件ずつ支払済みにしてください）。");
    public static readonly Error NotPaid = Error.Conflict("claims.not_paid", "支払済みではない申請は、振込不能にできません。");
    public static readonly Error ReturnReasonRequired = Error.Invalid("claims.return_reason_required",
        "振込不能の理由を入力してください（専門家にメールで伝わります）。", "reason");
    public static readonly Error PaidInFuture = Error.Invalid("claims.paid_in_future", "支払日に未来の日付は指定できません。", "paidOn");

    public static Error PaidBeforeExport(DateOnly exportedOn) => Error.Invalid("claims.paid_before_export",
        $"支払日は、締めを出力した日（{exportedOn:yyyy年M月d日}）より前にはできません。", "paidOn");
}
