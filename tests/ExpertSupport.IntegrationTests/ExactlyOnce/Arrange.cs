using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.Testing;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.ExactlyOnce;

/// <summary>Small words for arranging a row: a client for a user, today in Tokyo, "exactly one of these".</summary>
internal static class Arrange
{
    public const string Reason = "二重送信の確認のため";
    public const string Summary = "会計ソフトの初期設定を行い、請求書の発行と経費精算の操作を担当者の方と一緒に確認しました。次回は銀行連携の設定を行います。";

    public static Task<HttpClient> Api(this ExactlyOnceFixture f, TestUser user) => f.App.ApiClientAsync(user);

    public static DateOnly Today(this ExactlyOnceFixture f) => JapanTime.Today(f.App.Clock!);

    public static Once One(string what, Func<AppDbContext, Task<int>> count) => new(what, count);

    /// <summary>Exactly one audit row for the entities <paramref name="ids"/> finds (the one a creation made).</summary>
    public static Once AuditRowOf(string type, Func<AppDbContext, IQueryable<Guid>> ids) =>
        new($"audit row of the new {type}", db => db.AuditEntries.CountAsync(a => a.EntityType == type && ids(db).Contains(a.EntityId)));

    public static Once Ledger(Guid sourceId, LedgerKind kind) =>
        new($"{kind} ledger row", db => db.SubsidyLedger.CountAsync(e => e.SourceId == sourceId && e.Kind == kind));
}
