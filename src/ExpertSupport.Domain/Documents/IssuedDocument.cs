using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Invoices;

namespace ExpertSupport.Domain.Documents;

public enum DocumentKind
{
    /// <summary>The company's share as a (qualified) invoice issued in the expert's name (代理交付).</summary>
    Invoice = 0,
    /// <summary>支払通知書: the subsidy the office pays the expert, with the same tax breakdown.</summary>
    PaymentNotice = 1,
}

/// <summary>
/// A document the system issued (電子帳簿保存法: 電子取引の取引情報). Its figures and the parties' names and registration
/// number are copied when it is issued and never change (a database trigger refuses it); its PDF is written once into the
/// file store with its SHA-256 and every download returns those bytes. A mistake is put right by a new document that
/// names the one it corrects; both are kept for <see cref="RetentionYears"/> years.
/// </summary>
public sealed class IssuedDocument : Entity
{
    /// <summary>法人税法施行規則 第59条 / 電子帳簿保存法 第7条: seven years from the end of the filing deadline; kept from issue here.</summary>
    public const int RetentionYears = 7;

    public const int ReasonMaxLength = 2000;

    private IssuedDocument() { }

    private IssuedDocument(DocumentKind kind, DocumentParties parties, DocumentFigures figures, DateTimeOffset issuedAt, Guid? corrects, string? reason)
    {
        Kind = kind;
        BatchId = parties.BatchId;
        ClaimId = parties.ClaimId;
        CompanyId = parties.CompanyId;
        ExpertId = parties.ExpertId;
        ExpertName = parties.ExpertName;
        RegistrationNumber = parties.RegistrationNumber;
        CompanyName = parties.CompanyName;
        TransactionFrom = figures.TransactionFrom;
        TransactionTo = figures.TransactionTo;
        LineCount = figures.LineCount;
        var tax = ConsumptionTax.ForLines([figures.Total]);
        Total = tax.Total;
        TaxRatePercent = tax.RatePercent;
        Tax = tax.Tax;
        IssuedAt = issuedAt;
        KeepUntil = JapanTime.DateOf(issuedAt).AddYears(RetentionYears);
        CorrectsId = corrects;
        CorrectionReason = reason;
    }

    /// <summary>A document of a claim batch just approved: the lines are decided and frozen, so the figures are final.</summary>
    public static IssuedDocument Issue(DocumentKind kind, DocumentParties parties, DocumentFigures figures, DateTimeOffset now) =>
        new(kind, parties, figures, now, null, null);

    /// <summary>
    /// A correction (訂正): the same lines issued again with the parties as they stand now (e.g. a registration number
    /// verified since), naming the document it replaces. The old one stays as it was.
    /// </summary>
    public Result<IssuedDocument> Correct(DocumentParties now, string? reason, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason)) return InvoiceErrors.CorrectionReasonRequired;
        var figures = new DocumentFigures(TransactionFrom, TransactionTo, LineCount, Total);
        return new IssuedDocument(Kind, now, figures, at, Id, reason.Trim());
    }

    /// <summary>Printed on the document: 請求書番号 / 通知書番号, assigned by the database in issue order.</summary>
    public long SerialNo { get; private init; }
    public DocumentKind Kind { get; private init; }
    public Guid BatchId { get; private init; }
    public Guid ClaimId { get; private init; }
    /// <summary>The recipient company of an invoice; null on a payment notice (the office pays).</summary>
    public Guid? CompanyId { get; private init; }
    public Guid ExpertId { get; private init; }
    public string ExpertName { get; private init; } = "";
    /// <summary>The expert's verified registration number when issued; null: not a qualified invoice.</summary>
    public string? RegistrationNumber { get; private init; }
    public string? CompanyName { get; private init; }
    public DateOnly TransactionFrom { get; private init; }
    public DateOnly TransactionTo { get; private init; }
    public int LineCount { get; private init; }
    /// <summary>Tax-inclusive total at the one rate (the company's share on an invoice, the subsidy on a payment notice).</summary>
    public Yen Total { get; private init; }
    public int TaxRatePercent { get; private init; }
    /// <summary>The consumption tax in <see cref="Total"/>, rounded down once for the whole document.</summary>
    public Yen Tax { get; private init; }
    public DateTimeOffset IssuedAt { get; private init; }
    public DateOnly KeepUntil { get; private init; }
    public Guid? CorrectsId { get; private init; }
    public string? CorrectionReason { get; private init; }

    public string? FileKey { get; private set; }
    public string? Sha256 { get; private set; }
    public long? Length { get; private set; }

    public bool IsQualified => RegistrationNumber is not null;

    /// <summary>Records the PDF written once for this document; a second call is a bug (the trigger refuses it too).</summary>
    public void Freeze(string fileKey, string sha256, long length)
    {
        if (FileKey is not null) throw new InvalidOperationException("The document's file is already frozen.");
        FileKey = fileKey;
        Sha256 = sha256;
        Length = length;
    }
}

/// <summary>Who the document is between, as they are named when it is issued.</summary>
public sealed record DocumentParties(
    Guid BatchId, Guid ClaimId, Guid? CompanyId, string? CompanyName, Guid ExpertId, string ExpertName, string? RegistrationNumber);

/// <summary>The transaction dates (Tokyo), how many sessions and their tax-inclusive sum.</summary>
public sealed record DocumentFigures(DateOnly TransactionFrom, DateOnly TransactionTo, int LineCount, Yen Total);
