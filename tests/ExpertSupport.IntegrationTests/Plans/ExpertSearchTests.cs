using System.Net;
using System.Text.Json;
using ExpertSupport.Application.Matching;
using ExpertSupport.Application.Plans;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;

namespace ExpertSupport.IntegrationTests.Plans;

/// <summary>A small, known set of experts (and one pending) for the search tests; the tests only read it.</summary>
public sealed class SearchFixture : PlansFixture
{
    public TestUser Company { get; private set; } = null!;
    public Dictionary<string, Guid> Experts { get; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var now = Start;
        (Company, _) = await App.CompanyAsync(prefecture: 13);
        var office = await App.CreateUserAsync(Roles.Office);
        async Task<(TestUser, Guid)> Add(string key, ExpertSpec spec)
        {
            var (user, id) = await App.ExpertAsync(spec);
            Experts[key] = id;
            return (user, id);
        }
        var (sato, satoId) = await Add("sato", new ExpertSpec
        {
            DisplayName = "佐藤 花子", DisplayNameKana = "サトウ ハナコ", HourlyFee = 5_000, OffersOnline = true, PrefectureCodes = [13], Languages = ["ja", "en"],
            Skills = [("cloud-accounting", SkillLevel.Expert), ("security", SkillLevel.Practitioner)], Qualifications = ["ipa-sc"],
            Bio = "クラウド会計の導入と、小さな会社の情報管理を支援します。", NextFreeSlotAt = now.AddDays(2),
        });
        await Add("suzuki", new ExpertSpec
        {
            DisplayName = "鈴木 一郎", DisplayNameKana = "スズキ イチロウ", HourlyFee = 8_000, OffersOnline = false, PrefectureCodes = [27, 28],
            Skills = [("ec", SkillLevel.Experienced)], Bio = "ネットショップの開設と運営を、売上が立つまで伴走します。", NextFreeSlotAt = now.AddDays(20),
        });
        await Add("takahashi", new ExpertSpec
        {
            DisplayName = "高橋 美咲", DisplayNameKana = "タカハシ ミサキ", HourlyFee = 3_000, OffersOnline = true, PrefectureCodes = [], Languages = ["ja", "zh"],
            Skills = [("telework", SkillLevel.Expert), ("groupware", SkillLevel.Practitioner)], Bio = "テレワークとクラウドストレージの導入が得意です。",
        });
        var (tanaka, tanakaId) = await Add("tanaka", new ExpertSpec
        {
            DisplayName = "田中 健", DisplayNameKana = "タナカ ケン", HourlyFee = 12_000, OffersOnline = true, PrefectureCodes = [13, 14],
            Skills = [("security", SkillLevel.Expert)], Qualifications = ["ipa-sc", "sme-consultant"],
            Bio = "中小企業向けのセキュリティ診断とルールづくり。", NextFreeSlotAt = now.AddDays(5),
        });
        await Add("pending", new ExpertSpec
        {
            DisplayName = "伊藤 未承認", Approved = false, Skills = [("cloud-accounting", SkillLevel.Expert)], Bio = "クラウド会計の専門家です。",
        });

        // Ratings come from completed plans: 佐藤 5 and 4, 田中 3; an approved (unfinished) plan of 鈴木's has none.
        foreach (var (user, id, stars) in new[] { (sato, satoId, 5), (sato, satoId, 4), (tanaka, tanakaId, 3) })
        {
            var plan = await App.PlanAsync(Company, id, user, office, SupportPlanStatus.Completed);
            var rated = await App.Send(Company, s => s.Send(new RatePlanCommand(plan, stars, null)));
            if (rated.IsFailure) throw new InvalidOperationException(rated.FirstError.ToString());
        }
    }
}

/// <summary>Expert search: every filter, every sort, paging, Japanese free text, and the company's price after subsidy.</summary>
public sealed class ExpertSearchTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private TestApp App => fixture.App;

    private async Task<ExpertSearchResult> SearchAsync(ExpertSearchFilter filter, ExpertSearchSort sort = ExpertSearchSort.Fit, TestUser? as_ = null, int page = 1, int pageSize = 20) =>
        await App.Send(as_ ?? fixture.Company, s => s.Send(new SearchExpertsQuery(filter, sort, page, pageSize)));

    private async Task<string[]> NamesAsync(ExpertSearchFilter filter, ExpertSearchSort sort = ExpertSearchSort.Fit) =>
        [.. (await SearchAsync(filter, sort)).Experts.Items.Select(e => e.DisplayName)];

    [Fact]
    public async Task Only_approved_experts_are_found()
    {
        var all = await NamesAsync(new ExpertSearchFilter());
        Assert.Equal(4, all.Length);
        Assert.DoesNotContain("伊藤 未承認", all);
    }

    [Theory]
    [InlineData("会計", new[] { "佐藤 花子" })]
    [InlineData("クラウド", new[] { "佐藤 花子", "高橋 美咲" })]
    [InlineData("セキュリティ", new[] { "佐藤 花子", "田中 健" })]
    [InlineData("せきゅりてぃ", new[] { "佐藤 花子", "田中 健" })]
    [InlineData("ネットショップ", new[] { "鈴木 一郎" })]
    [InlineData("たなか", new[] { "田中 健" })]
    [InlineData("佐藤花子", new[] { "佐藤 花子" })]
    [InlineData("ｸﾗｳﾄﾞ　会計", new[] { "佐藤 花子" })]
    [InlineData("security", new[] { "佐藤 花子", "田中 健" })]
    [InlineData("診断", new[] { "田中 健" })]
    [InlineData("未承認", new string[0])]
    [InlineData("会計士", new string[0])]
    public async Task Japanese_free_text_matches_names_kana_skills_and_bios(string text, string[] expected) =>
        Assert.Equal(expected.Order(), (await NamesAsync(new ExpertSearchFilter(Text: text))).Order());

    [Fact]
    public async Task Free_text_ranks_a_match_in_the_name_or_skills_above_one_in_the_bio_only()
    {
        // 「クラウド」 is a skill name of 佐藤 (クラウド会計) but only in 高橋's bio.
        Assert.Equal(["佐藤 花子", "高橋 美咲"], await NamesAsync(new ExpertSearchFilter(Text: "クラウド")));
    }

    [Fact]
    public async Task Each_filter_narrows_the_result()
    {
        Assert.Equal(["田中 健", "佐藤 花子"], await NamesAsync(new ExpertSearchFilter(SkillCode: "security")));
        Assert.Equal(["鈴木 一郎"], await NamesAsync(new ExpertSearchFilter(PrefectureCode: 28)));
        Assert.DoesNotContain("鈴木 一郎", await NamesAsync(new ExpertSearchFilter(Mode: WorkMode.Online)));
        Assert.DoesNotContain("高橋 美咲", await NamesAsync(new ExpertSearchFilter(Mode: WorkMode.Onsite)));
        Assert.Equal(["佐藤 花子", "鈴木 一郎"], (await NamesAsync(new ExpertSearchFilter(FeeMin: new Yen(4_000), FeeMax: new Yen(8_000)))).Order());
        Assert.Equal(["高橋 美咲"], await NamesAsync(new ExpertSearchFilter(Language: "zh")));
        Assert.Equal(["田中 健"], await NamesAsync(new ExpertSearchFilter(Qualification: "sme-consultant")));
        Assert.Equal(["佐藤 花子", "田中 健"], (await NamesAsync(new ExpertSearchFilter(FreeWithinDays: 7))).Order());
        Assert.Empty(await NamesAsync(new ExpertSearchFilter(SkillCode: "security", Language: "zh")));
    }

    [Fact]
    public async Task Sorts_by_fee_next_free_slot_with_unknown_last_and_rating_from_completed_plans()
    {
        Assert.Equal(["高橋 美咲", "佐藤 花子", "鈴木 一郎", "田中 健"], await NamesAsync(new(), ExpertSearchSort.FeeLow));
        Assert.Equal(["田中 健", "鈴木 一郎", "佐藤 花子", "高橋 美咲"], await NamesAsync(new(), ExpertSearchSort.FeeHigh));
        Assert.Equal(["佐藤 花子", "田中 健", "鈴木 一郎", "高橋 美咲"], await NamesAsync(new(), ExpertSearchSort.NextFreeSlot));
        var byRating = (await SearchAsync(new(), ExpertSearchSort.Rating)).Experts.Items;
        Assert.Equal(["佐藤 花子", "田中 健"], byRating.Take(2).Select(e => e.DisplayName));
        Assert.Equal((2, 4.5), (byRating[0].RatingCount, byRating[0].RatingAverage));
        Assert.Equal((0, (double?)null), (byRating[3].RatingCount, byRating[3].RatingAverage));
        // Fit: the best-rated Tokyo expert who offers online help and is free soon comes first.
        Assert.Equal("佐藤 花子", (await NamesAsync(new()))[0]);
    }

    [Fact]
    public async Task Pages_hold_the_total_and_follow_one_order()
    {
        var first = (await SearchAsync(new(), ExpertSearchSort.FeeLow, pageSize: 3)).Experts;
        var second = (await SearchAsync(new(), ExpertSearchSort.FeeLow, page: 2, pageSize: 3)).Experts;
        Assert.Equal((4, 2), (first.Total, first.PageCount));
        Assert.Equal(["高橋 美咲", "佐藤 花子", "鈴木 一郎"], first.Items.Select(e => e.DisplayName));
        Assert.Equal(["田中 健"], second.Items.Select(e => e.DisplayName));
        Assert.Equal(4, second.Total);
    }

    [Fact]
    public async Task Each_result_shows_the_companys_net_price_per_hour_and_the_hours_its_cap_covers()
    {
        var hits = (await SearchAsync(new())).Experts.Items.ToDictionary(e => e.DisplayName);

        Assert.Equal((5_000L, 3_500L, 1_500L, 85L), Price(hits["佐藤 花子"]));
        Assert.Equal((3_000L, 2_500L, 500L, 120L), Price(hits["高橋 美咲"]));
        Assert.Equal((12_000L, 3_500L, 8_500L, 85L), Price(hits["田中 健"]));
        Assert.Equal(fixture.Experts["sato"], hits["佐藤 花子"].Id);
        Assert.Contains("cloud-accounting", hits["佐藤 花子"].SkillCodes);
    }

    [Fact]
    public async Task A_company_with_little_cap_left_sees_a_higher_net_price_and_fewer_hours()
    {
        var (company, companyId) = await App.CompanyAsync();
        var round = await App.ActiveRoundAsync();
        await App.LedgerAsync(company, ledger => ledger.ReserveAmountAsync(
            new CapParties(round.Id, companyId, fixture.Experts["suzuki"]), SubsidySource.Booking(Guid.CreateVersion7()), new Yen(298_000), default));

        var result = await SearchAsync(new ExpertSearchFilter(Text: "佐藤"), as_: company);

        Assert.Equal(new Yen(2_000), result.CompanyCap!.Left);
        var sato = result.Experts.Items.Single();
        Assert.Equal((5_000L, 2_000L, 3_000L, 0L), Price(sato));
        Assert.Equal(CapBindingName.Company, sato.Price!.CappedBy.ToString());
    }

    [Fact]
    public async Task The_search_API_takes_filters_in_the_query_string_and_is_for_companies()
    {
        using var client = await App.ApiClientAsync(fixture.Company);
        var ct = TestContext.Current.CancellationToken;

        var json = JsonDocument.Parse(await client.GetStringAsync("/api/experts/search?q=%E4%BC%9A%E8%A8%88&mode=Online&sort=FeeLow", ct)).RootElement;
        var item = json.GetProperty("experts").GetProperty("items").EnumerateArray().Single();
        Assert.Equal("佐藤 花子", item.GetProperty("displayName").GetString());
        Assert.Equal(1_500, item.GetProperty("price").GetProperty("netPerHour").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/experts/search/{fixture.Experts["sato"]}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/experts/search/{fixture.Experts["pending"]}", ct)).StatusCode);

        // An expert account (no profile needed, and none added to the searched set).
        var expert = await App.CreateUserAsync(Roles.Expert);
        using var expertClient = await App.ApiClientAsync(expert);
        Assert.Equal(HttpStatusCode.Forbidden, (await expertClient.GetAsync("/api/experts/search", ct)).StatusCode);
    }

    private static (long Fee, long Subsidy, long Net, long? Hours) Price(ExpertHit hit) =>
        (hit.HourlyFee.Value, (hit.Price!.SubsidyPerHour).Value, hit.Price.NetPerHour.Value, hit.Price.HoursCovered);

    private static class CapBindingName
    {
        public const string Company = "Company";
    }
}
