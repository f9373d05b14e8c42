using Bogus;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Payments;
using ExpertSupport.Domain.Reference;

namespace ExpertSupport.Infrastructure.Seeding;

/// <summary>
/// The profile details of the demo companies and experts (contact persons, qualifications, languages, payout accounts).
/// They come from their own seeded Faker so that the names and numbers drawn by <see cref="DemoSeeder"/> stay as they were.
/// </summary>
internal sealed class DemoProfiles(int seed)
{
    private static readonly (string Code, string Name)[] Banks =
    [
        ("0001", "みずほ"), ("0005", "三菱UFJ"), ("0009", "三井住友"), ("0010", "りそな"), ("0033", "PayPay"), ("0036", "楽天"), ("9900", "ゆうちょ"),
    ];

    private static readonly string[] Departments = ["代表", "総務部", "経営企画室", "管理部", "営業部"];

    private readonly Faker _faker = new("ja") { Random = new Randomizer(seed) };

    public List<ContactPerson> ContactsFor(string email, (string Kanji, string Kana) surname, (string Kanji, string Kana) given)
    {
        var contacts = new List<ContactPerson>
        {
            new($"{surname.Kanji} {given.Kanji}", $"{surname.Kana} {given.Kana}", _faker.PickRandom(Departments), Phone(), email),
        };
        if (_faker.Random.Bool(0.4f))
        {
            var (s, sk) = _faker.PickRandom(DemoNames.Surnames);
            var (g, gk) = _faker.PickRandom(DemoNames.GivenNames);
            contacts.Add(new ContactPerson($"{s} {g}", $"{sk} {gk}", _faker.PickRandom(Departments[1..]), Phone(), email.Replace("@", "+staff@", StringComparison.Ordinal)));
        }
        return contacts;
    }

    public BankAccount BankAccountFor(string surnameKana, string givenKana) =>
        BankAccount.Create(
            _faker.PickRandom(Banks).Code,
            _faker.Random.ReplaceNumbers("###"),
            _faker.Random.Bool(0.9f) ? BankAccountType.Ordinary : BankAccountType.Current,
            _faker.Random.ReplaceNumbers("#######"),
            ZenginText.Normalize($"{surnameKana} {givenKana}")).Value;

    public List<ExpertQualification> Qualifications()
    {
        var picked = _faker.PickRandom(Domain.Reference.Qualifications.All, _faker.Random.Int(0, 2));
        return [.. picked.Select(q => new ExpertQualification(q.Code, q.GroupJa is null ? $"第{_faker.Random.ReplaceNumbers("######")}号" : $"{q.Code[4..].ToUpperInvariant()}-{_faker.Random.Int(2010, 2025)}-{_faker.Random.ReplaceNumbers("#####")}"))];
    }

    public string[] Languages()
    {
        var languages = new List<string> { "ja" };
        if (_faker.Random.Bool(0.25f)) languages.Add("en");
        if (_faker.Random.Bool(0.08f)) languages.Add(_faker.PickRandom("zh", "ko", "vi", "pt"));
        return [.. languages];
    }

    private string Phone() => $"0{_faker.Random.Int(3, 9)}-{_faker.Random.ReplaceNumbers("####")}-{_faker.Random.ReplaceNumbers("####")}";
}
