using ExpertSupport.Application.Dashboard;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Dashboard;

/// <summary>Each kind of open task in words, and the page where it is done.</summary>
public static class TaskLabels
{
    public static string Text(IStringLocalizer l, TaskKind kind) => kind switch
    {
        TaskKind.ProposalToAnswer => l["専門家からの提案に回答する"],
        TaskKind.PlanToAgree => l["支援計画の内容を確認して同意する"],
        TaskKind.PlanSentBack => l["差し戻された支援計画を直す"],
        TaskKind.SubsidyOfferToAnswer => l["補助額が変わった予約に回答する"],
        TaskKind.ReportToConfirm => l["支援実施報告を確認する"],
        TaskKind.BookingToConfirm => l["予約リクエストに回答する"],
        TaskKind.ReportToFile => l["支援実施報告を提出する"],
        TaskKind.ReportToCorrect => l["異議のあった報告を修正する"],
        TaskKind.ShareToRecord => l["企業負担分の受領を記録する"],
        TaskKind.ExpertToVet => l["専門家を審査する"],
        TaskKind.ChangeToReview => l["専門家の登録内容の変更を確認する"],
        TaskKind.PlanToReview => l["支援計画を審査する"],
        TaskKind.BatchToReview => l["締めの明細を審査する"],
        TaskKind.BatchToExport => l["承認済みの締めを出力する"],
        _ => l["出力済みの締めを支払済みにする"],
    };

    public static string Href(OpenTask task) => task.Kind switch
    {
        TaskKind.ProposalToAnswer => $"/Company/Cases/{task.TargetId}",
        TaskKind.PlanToAgree or TaskKind.PlanSentBack or TaskKind.PlanToReview => $"/Plans/{task.TargetId}",
        TaskKind.SubsidyOfferToAnswer or TaskKind.BookingToConfirm => $"/Bookings/{task.TargetId}",
        TaskKind.ReportToConfirm or TaskKind.ShareToRecord => $"/Reports/{task.TargetId}",
        TaskKind.ReportToFile => $"/Expert/Reports/File?bookingId={task.TargetId}",
        TaskKind.ReportToCorrect => $"/Expert/Reports/File?reportId={task.TargetId}",
        TaskKind.ExpertToVet or TaskKind.ChangeToReview => $"/Office/Experts/{task.TargetId}",
        _ => $"/Office/Claims/Batch/{task.TargetId}",
    };
}
