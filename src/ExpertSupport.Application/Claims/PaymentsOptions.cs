using ExpertSupport.Application.Claims.Zengin;

namespace ExpertSupport.Application.Claims;

/// <summary>
/// The programme office's own bank account, the payer of every Zengin 総合振込 file (configuration section
/// <c>Payments</c>). The bank assigns the client code; names are half-width kana as the bank registered them.
/// </summary>
public sealed class PaymentsOptions
{
    public const string Section = "Payments";

    /// <summary>振込依頼人コード (委託者コード), up to 10 digits.</summary>
    public string ClientCode { get; set; } = "";
    /// <summary>振込依頼人名, half-width kana, up to 40 characters.</summary>
    public string ClientName { get; set; } = "";
    public string BankCode { get; set; } = "";
    public string? BankName { get; set; }
    public string BranchCode { get; set; } = "";
    public string? BranchName { get; set; }
    public ZenginAccountType AccountType { get; set; } = ZenginAccountType.Ordinary;
    public string AccountNumber { get; set; } = "";

    public ZenginHeader HeaderFor(DateOnly transferDate) =>
        new(ClientCode, ClientName, transferDate, BankCode, BankName, BranchCode, BranchName, AccountType, AccountNumber);
}
