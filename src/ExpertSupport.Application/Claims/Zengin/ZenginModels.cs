using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Claims.Zengin;

/// <summary>預金種目: the kind of bank account.</summary>
public enum ZenginAccountType
{
    /// <summary>普通預金</summary>
    Ordinary = 1,
    /// <summary>当座預金</summary>
    Current = 2,
    /// <summary>貯蓄預金</summary>
    Savings = 4,
    /// <summary>その他</summary>
    Other = 9,
}

/// <summary>新規コード: whether the bank sees this payee for the first time.</summary>
public enum ZenginNewCode
{
    Other = 0,
    FirstTransfer = 1,
    Changed = 2,
}

/// <summary>振込指定区分: 7 テレ振込 (電信扱), 8 文書振込; unspecified is a space and the bank's default applies.</summary>
public enum ZenginTransferMethod
{
    Unspecified = 0,
    Telegraphic = 7,
    Document = 8,
}

/// <summary>What separates the 120-byte records.</summary>
public enum ZenginLineEnding
{
    /// <summary>CR LF after every record (122 bytes a line): what internet-banking uploads accept.</summary>
    CrLf,
    /// <summary>Records back to back with no separator: the original transmission format.</summary>
    None,
}

/// <summary>
/// The header record: who pays (依頼人), from which account, on which day. Names are normalised with
/// <see cref="ExpertSupport.Domain.Payments.ZenginText"/>; codes are ASCII digits.
/// </summary>
/// <param name="ClientCode">振込依頼人コード (委託者コード) the bank assigned, up to 10 digits.</param>
/// <param name="ClientName">振込依頼人名 in kana, up to 40 bytes.</param>
/// <param name="TransferDate">振込指定日: must be a bank business day; only MMDD is written.</param>
/// <param name="BankCode">仕向銀行番号, 4 digits.</param>
/// <param name="BankName">仕向銀行名 in kana, up to 15 bytes (optional).</param>
/// <param name="BranchCode">仕向支店番号, 3 digits.</param>
/// <param name="BranchName">仕向支店名 in kana, up to 15 bytes (optional).</param>
/// <param name="AccountType">預金種目 of the paying account.</param>
/// <param name="AccountNumber">口座番号, up to 7 digits (zero-padded on the left).</param>
public sealed record ZenginHeader(
    string ClientCode,
    string ClientName,
    DateOnly TransferDate,
    string BankCode,
    string? BankName,
    string BranchCode,
    string? BranchName,
    ZenginAccountType AccountType,
    string AccountNumber);

/// <summary>One transfer (a data record): the payee's account and the amount.</summary>
/// <param name="BankCode">被仕向銀行番号, 4 digits.</param>
/// <param name="BankName">被仕向銀行名 in kana, up to 15 bytes (optional).</param>
/// <param name="BranchCode">被仕向支店番号, 3 digits.</param>
/// <param name="BranchName">被仕向支店名 in kana, up to 15 bytes (optional).</param>
/// <param name="AccountType">預金種目.</param>
/// <param name="AccountNumber">口座番号, up to 7 digits.</param>
/// <param name="PayeeName">受取人名 (the account holder's name in kana), up to 30 bytes.</param>
/// <param name="Amount">振込金額: 1 to 9,999,999,999 yen.</param>
public sealed record ZenginTransfer(
    string BankCode,
    string? BankName,
    string BranchCode,
    string? BranchName,
    ZenginAccountType AccountType,
    string AccountNumber,
    string PayeeName,
    Yen Amount)
{
    public ZenginNewCode NewCode { get; init; } = ZenginNewCode.Other;

    /// <summary>顧客コード1: up to 10 digits, for the payer's own reference (e.g. the expert number).</summary>
    public string? CustomerCode1 { get; init; }

    /// <summary>顧客コード2: up to 10 digits.</summary>
    public string? CustomerCode2 { get; init; }

    /// <summary>
    /// EDI情報: up to 20 Zengin characters passed on to the payee. When set, 識別表示 is "Y" and it takes the place of
    /// both customer codes, which must then be empty.
    /// </summary>
    public string? EdiInfo { get; init; }

    public ZenginTransferMethod Method { get; init; } = ZenginTransferMethod.Unspecified;
}

public sealed record ZenginFileOptions
{
    public static readonly ZenginFileOptions Default = new();

    public ZenginLineEnding LineEnding { get; init; } = ZenginLineEnding.CrLf;
}

/// <summary>What a file holds: the trailer's count and sum, and its size in bytes.</summary>
public sealed record ZenginFileSummary(int Count, Yen Total, long Bytes);

/// <summary>A Zengin file read back by <see cref="ZenginFileReader"/>.</summary>
public sealed record ZenginFile(ZenginHeader Header, IReadOnlyList<ZenginTransfer> Transfers, ZenginFileSummary Summary);
