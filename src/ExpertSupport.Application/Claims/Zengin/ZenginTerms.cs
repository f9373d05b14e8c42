using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Claims.Zengin;

/// <summary>
/// The names of the 全銀協 records and fields as the errors of the writer and the reader say them (受取人名,
/// "payee name" …), so that a person can find the payee or the byte to fix in their own language.
/// </summary>
internal static class ZenginTerms
{
    public static readonly Phrase Header = new("zengin.record.header");
    public static readonly Phrase Data = new("zengin.record.data");
    public static readonly Phrase Trailer = new("zengin.record.trailer");
    public static readonly Phrase End = new("zengin.record.end");
    public static readonly Phrase Eof = new("zengin.record.eof");
    public static readonly Phrase Length = new("zengin.record.length");
    public static readonly Phrase AfterEnd = new("zengin.record.after_end");
    public static readonly Phrase Space = new("zengin.space");

    public static readonly Phrase DataType = new("zengin.field.data_type");
    public static readonly Phrase KindCode = new("zengin.field.kind_code");
    public static readonly Phrase CodeType = new("zengin.field.code_type");
    public static readonly Phrase ClientCode = new("zengin.field.client_code");
    public static readonly Phrase ClientName = new("zengin.field.client_name");
    public static readonly Phrase TransferDate = new("zengin.field.transfer_date");
    public static readonly Phrase FromBankCode = new("zengin.field.from_bank_code");
    public static readonly Phrase FromBankName = new("zengin.field.from_bank_name");
    public static readonly Phrase FromBranchCode = new("zengin.field.from_branch_code");
    public static readonly Phrase FromBranchName = new("zengin.field.from_branch_name");
    public static readonly Phrase AccountType = new("zengin.field.account_type");
    public static readonly Phrase AccountNumber = new("zengin.field.account_number");
    public static readonly Phrase Dummy = new("zengin.field.dummy");
    public static readonly Phrase BankCode = new("zengin.field.bank_code");
    public static readonly Phrase BankName = new("zengin.field.bank_name");
    public static readonly Phrase BranchCode = new("zengin.field.branch_code");
    public static readonly Phrase BranchName = new("zengin.field.branch_name");
    public static readonly Phrase ClearingHouse = new("zengin.field.clearing_house");
    public static readonly Phrase PayeeName = new("zengin.field.payee_name");
    public static readonly Phrase Amount = new("zengin.field.amount");
    public static readonly Phrase NewCode = new("zengin.field.new_code");
    public static readonly Phrase EdiFlag = new("zengin.field.edi_flag");
    public static readonly Phrase EdiInfo = new("zengin.field.edi_info");
    public static readonly Phrase CustomerCode1 = new("zengin.field.customer_code1");
    public static readonly Phrase CustomerCode2 = new("zengin.field.customer_code2");
    public static readonly Phrase Method = new("zengin.field.method");
    public static readonly Phrase Count = new("zengin.field.count");
    public static readonly Phrase Total = new("zengin.field.total");

    /// <summary>データ 12件目: a record with its number, or the record's name alone (number 0).</summary>
    public static Phrase Numbered(Phrase record, int number) => number == 0 ? record : new Phrase("zengin.record.numbered", record, number);
}
