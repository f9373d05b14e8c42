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
            errors.Add(Error.Invalid("bank.bank_code", "bankCode"));
        var branch = TypedInput.DigitsOnly(branchCode);
        if (branch.Length != 3 || !branch.All(char.IsAsciiDigit))
            errors.Add(Error.Invalid("bank.branch_code", "branchCode"));
        if (accountType is not (BankAccountType.Ordinary or BankAccountType.Current))
            errors.Add(Error.Invalid("bank.account_type", "accountType"));
        var number = TypedInput.DigitsOnly(accountNumber);
        if (number.Length is 0 or > 7 || !number.All(char.IsAsciiDigit))
            errors.Add(Error.Invalid("bank.account_number", "accountNumber"));
        var holder = ZenginText.TryNormalize(holderName);
        if (holder is null)
            errors.Add(Error.Invalid("bank.holder_name", "holderName"));
        else if (holder.Length > HolderNameMaxLength)
            errors.Add(Error.Invalid("bank.holder_name_length", "holderName", HolderNameMaxLength));

        if (errors.Count > 0) return Result<BankAccount>.Failure(errors);
        return new BankAccount(bank, branch, accountType!.Value, number.PadLeft(7, '0'), holder!);
    }

    /// <summary>0001-001 普通 1234567: enough to recognise the account, for lists and e-mails.</summary>
    public override string ToString() =>
        $"{BankCode}-{BranchCode} {(AccountType == BankAccountType.Ordinary ? "普通" : "当座")} {AccountNumber} {HolderName}";
}
