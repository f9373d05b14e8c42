namespace ExpertSupport.Domain.Reference;

/// <summary>The 47 prefectures with their JIS X 0401 codes (01 北海道 … 47 沖縄県).</summary>
public static class Prefectures
{
    public sealed record Prefecture(short Code, string NameJa, string NameEn);

    public static readonly IReadOnlyList<Prefecture> All =
    [
        new(1, "北海道", "Hokkaido"), new(2, "青森県", "Aomori"), new(3, "岩手県", "Iwate"),
        new(4, "宮城県", "Miyagi"), new(5, "秋田県", "Akita"), new(6, "山形県", "Yamagata"),
        new(7, "福島県", "Fukushima"), new(8, "茨城県", "Ibaraki"), new(9, "栃木県", "Tochigi"),
        new(10, "群馬県", "Gunma"), new(11, "埼玉県", "Saitama"), new(12, "千葉県", "Chiba"),
        new(13, "東京都", "Tokyo"), new(14, "神奈川県", "Kanagawa"), new(15, "新潟県", "Niigata"),
        new(16, "富山県", "Toyama"), new(17, "石川県", "Ishikawa"), new(18, "福井県", "Fukui"),
        new(19, "山梨県", "Yamanashi"), new(20, "長野県", "Nagano"), new(21, "岐阜県", "Gifu"),
        new(22, "静岡県", "Shizuoka"), new(23, "愛知県", "Aichi"), new(24, "三重県", "Mie"),
        new(25, "滋賀県", "Shiga"), new(26, "京都府", "Kyoto"), new(27, "大阪府", "Osaka"),
        new(28, "兵庫県", "Hyogo"), new(29, "奈良県", "Nara"), new(30, "和歌山県", "Wakayama"),
        new(31, "鳥取県", "Tottori"), new(32, "島根県", "Shimane"), new(33, "岡山県", "Okayama"),
        new(34, "広島県", "Hiroshima"), new(35, "山口県", "Yamaguchi"), new(36, "徳島県", "Tokushima"),
        new(37, "香川県", "Kagawa"), new(38, "愛媛県", "Ehime"), new(39, "高知県", "Kochi"),
        new(40, "福岡県", "Fukuoka"), new(41, "佐賀県", "Saga"), new(42, "長崎県", "Nagasaki"),
        new(43, "熊本県", "Kumamoto"), new(44, "大分県", "Oita"), new(45, "宮崎県", "Miyazaki"),
        new(46, "鹿児島県", "Kagoshima"), new(47, "沖縄県", "Okinawa"),
    ];

    public static bool IsValid(short code) => code is >= 1 and <= 47;

    public static string NameOf(short code) => IsValid(code) ? All[code - 1].NameJa : "—";

    /// <summary>The prefecture itself (both names), e.g. as an error's argument that each language names its own way.</summary>
    public static Prefecture? Find(short code) => IsValid(code) ? All[code - 1] : null;
}
