using Bogus;
using ExpertSupport.Application.Companies;
using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;

namespace ExpertSupport.Testing.Builders;

/// <summary>Valid company profiles for tests (Bogus, fixed seed); tests change the one field their rule is about.</summary>
public static class CompanyProfiles
{
    private static readonly Faker Faker = new("ja") { Random = new Randomizer(4_2026) };
    private static readonly object Gate = new();

    /// <summary>A fresh, valid 法人番号 (random base, right check digit), unique enough for a test database.</summary>
    public static string NewCorporateNumber()
    {
        lock (Gate) return CorporateNumber.WithCheckDigit(Faker.Random.ReplaceNumbers("############"));
    }

    /// <summary>A small manufacturing corporation that passes the SME test, with one contact person.</summary>
    public static SaveCompanyProfileCommand Valid(string? corporateNumber = null)
    {
        lock (Gate)
        {
            return new SaveCompanyProfileCommand(
                CompanyId: null,
                LegalForm: LegalForm.Corporation,
                Name: $"株式会社{Faker.Company.CompanyName()}",
                NameKana: "カブシキガイシャテストセイサクショ",
                CorporateNumber: corporateNumber ?? CorporateNumber.WithCheckDigit(Faker.Random.ReplaceNumbers("############")),
                PrefectureCode: (short)Faker.Random.Int(1, 47),
                Address: $"{Faker.Address.City()}1-2-3",
                Industry: IndustryCategory.ManufacturingAndOthers,
                CapitalYen: "10,000,000",
                Employees: "12",
                Contacts: [new ContactPersonInput("山田 太郎", "ヤマダ タロウ", "総務部", "03-1234-5678", "yamada@example.co.jp")]);
        }
    }
}

/// <summary>Valid expert profiles for tests (Bogus, fixed seed).</summary>
public static class ExpertProfiles
{
    private static readonly Faker Faker = new("ja") { Random = new Randomizer(5_2026) };
    private static readonly object Gate = new();

    /// <summary>An individual expert in cloud accounting, online and in Tokyo, ¥5,000 an hour, with a valid account.</summary>
    public static SaveExpertProfileCommand Valid(string hourlyFee = "5,000", BankAccountInput? bank = null)
    {
        lock (Gate)
        {
            return new SaveExpertProfileCommand(
                ExpertId: null,
                Kind: ExpertKind.Individual,
                DisplayName: $"{Faker.Name.LastName()} {Faker.Name.FirstName()}",
                DisplayNameKana: "テスト ハナコ",
                Bio: "クラウド会計の導入を10年支援しています。",
                Skills: [new SkillInput("cloud-accounting", SkillLevel.Experienced), new SkillInput("telework", null)],
                Qualifications: [new QualificationInput("ipa-ap", "AP-2020-12345"), new QualificationInput(null, null)],
                PrefectureCodes: [13],
                OffersOnline: true,
                Languages: ["ja"],
                HourlyFee: hourlyFee,
                BankAccount: bank ?? new BankAccountInput("0001", "123", BankAccountType.Ordinary, "1234567", "テスト ハナコ"),
                DeclaresNoConflictOfInterest: true);
        }
    }
}
