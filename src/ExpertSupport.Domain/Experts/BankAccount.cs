using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Payments;

namespace ExpertSupport.Domain.Experts;

/// <summary>預金種目, numbered as in a Zengin transfer record.</summary>
public enum BankAccountType
{
    /// <summary>普通預金</summary>
    Ordinary = 1,
    /// <summary>当座預金</summary>
    Current = 2,
}

/// <summary>
/// The account an expert is paid into, in the form a Zengin 総合振込 file needs: bank code 4 digits, branch code
/// 3 digits, account number 7 digits (shorter numbers are padded with leading zeros, as banks print them),
/// and the holder's name in the Zengin character set (half-width katakana), at most 30 characters.
/// </summary>
public sealed record BankAccount(string BankCode, string BranchCode, BankAccountType AccountType, string AccountNumber, string HolderName)
{
    /// <summary>The 受取人名 field of a Zengin data record is 30 characters.</summary>
    public const int HolderNameMaxLength = 30;

    /// <summary>
    /// Checks and normalises what a person typed: full-width digits and hyphens are accepted, a name typed in
    /// full-width kana or hiragana becomes half-width kana. Each error names its field (bankCode, branchCode,
    /// accountType, accountNumber, holderName).
    /// </summary>
    public static Result<BankAccount> Create(string? bankCode, string? branchCode, BankAccountType? accountType, string? accountNumber, string? holderName)
    {
        var errors = new List<Error>();
        var bank = TypedInput.DigitsOnly(bankCode);
        if (bank.Length != 4 || !bank.All(char.IsAsciiDigit))
            errors.Add(Error.Invalid("bank.bank_code", "金融機関コードは4桁の数字で入力してください（例: 0001）。", "bankCode"));
        var branch = TypedInput.DigitsOnly(branchCode);
        if (branch.Length != 3 || !branch.All(char.IsAsciiDigit))
            errors.Add(Error.Invalid("bank.branch_code", "支店コードは3桁の数字で入力してください（例: 001）。", "branchCode"));
        if (accountType is not (BankAccountType.Ordinary or BankAccountType.Current))
            errors.Add(Error.Invalid("bank.account_type", "預金種目（普通・当座）を選んでください。", "accountType"));
        var number = TypedInput.DigitsOnly(accountNumber);
        if (number.Length is 0 or > 7 || !number.All(char.IsAsciiDigit))
            errors.Add(Error.Invalid("bank.account_number", "口座番号は7桁以内の数字で入力してください。", "accountNumber"));
        var holder = ZenginText.TryNormalize(holderName);
        if (holder is null)
            errors.Add(Error.Invalid("bank.holder_name",
                "口座名義は通帳のとおりにカタカナで入力してください（漢字は使えません。英字・数字と ( ) . - / は使えます）。", "holderName"));
        else if (holder.Length > HolderNameMaxLength)
            errors.Add(Error.Invalid("bank.holder_name_length", $"口座名義は半角{HolderNameMaxLength}文字以内にしてください（濁点・半濁点も1文字です）。", "holderName"));

        if (errors.Count > 0) return Result<BankAccount>.Failure(errors);
        return new BankAccount(bank, branch, accountType!.Value, number.PadLeft(7, '0'), holder!);
    }

    /// <summary>0001-001 普通 1234567: enough to recognise the account, for lists and e-mails.</summary>
    public override string ToString() =>
        $"{BankCode}-{BranchCode} {(AccountType == BankAccountType.Ordinary ? "普通" : "当座")} {AccountNumber} {HolderName}";
}
