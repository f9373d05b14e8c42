using System.Globalization;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Payments;
using ExpertSupport.Domain.Reference;

namespace ExpertSupport.Application.Claims.Zengin;

/// <summary>
/// Writes a 全銀協 総合振込 file: one header record, a data record per transfer, a trailer with the count and the sum,
/// and an end record. Every record is 120 bytes of Shift_JIS (half-width kana); records are followed by CR LF unless
/// <see cref="ZenginLineEnding.None"/> is asked for. Transfers are streamed: memory stays flat whatever their number.
/// </summary>
public static class ZenginFileWriter
{
    /// <summary>合計件数 has 6 digits, so one file holds at most 999,999 transfers.</summary>
    public const int MaxCount = 999_999;

    /// <summary>振込金額 has 10 digits.</summary>
    public const long MaxAmount = 9_999_999_999;

    /// <summary>合計金額 has 12 digits.</summary>
    public const long MaxTotal = 999_999_999_999;

    private const int RecordsPerChunk = 512;

    /// <summary>Whether the header can be written; errors name the field and say what to fix.</summary>
    public static Result Check(ZenginHeader header)
    {
        var errors = new List<Error>();
        FormatHeader(new byte[ZenginRecordBuilder.RecordLength], header, errors);
        return errors.Count == 0 ? Result.Success : Result.Failure(errors);
    }

    /// <summary>Whether the transfer can be written (e.g. the payee name has no kanji and fits 30 bytes).</summary>
    public static Result Check(ZenginTransfer transfer)
    {
        var errors = new List<Error>();
        FormatData(new byte[ZenginRecordBuilder.RecordLength], transfer, 0, errors);
        return errors.Count == 0 ? Result.Success : Result.Failure(errors);
    }

    public static Task<ZenginFileSummary> WriteAsync(Stream output, ZenginHeader header, IEnumerable<ZenginTransfer> transfers,
        ZenginFileOptions? options = null, CancellationToken ct = default) =>
        WriteAsync(output, header, transfers.ToAsyncEnumerable(), options, ct);

    /// <summary>
    /// Writes the whole file to <paramref name="output"/> (left open) and returns what the trailer says.
    /// Throws <see cref="ZenginFormatException"/> at the first record that cannot be written; what was written
    /// before it must be discarded.
    /// </summary>
    public static async Task<ZenginFileSummary> WriteAsync(Stream output, ZenginHeader header, IAsyncEnumerable<ZenginTransfer> transfers,
        ZenginFileOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var separator = (options ?? ZenginFileOptions.Default).LineEnding == ZenginLineEnding.CrLf ? "\r\n"u8.ToArray() : [];
        var lineLength = ZenginRecordBuilder.RecordLength + separator.Length;
        var chunk = new byte[RecordsPerChunk * lineLength];
        var used = 0;
        var errors = new List<Error>();
        long bytes = 0;
        var count = 0;
        var total = 0L;

        FormatHeader(Record(chunk, used), header, errors);
        ThrowIf(errors);
        used = EndLine(chunk, used, separator);

        await foreach (var transfer in transfers.WithCancellation(ct))
        {
            count++;
            if (count > MaxCount)
                throw new ZenginFormatException([Error.Invalid("zengin.count", "count", count, MaxCount)]);
            FormatData(Record(chunk, used), transfer, count, errors);
            ThrowIf(errors);
            total += transfer.Amount.Value;
            if (total > MaxTotal)
                throw new ZenginFormatException([Error.Invalid("zengin.total", "total", count, MaxTotal)]);
            used = EndLine(chunk, used, separator);
            if (used == chunk.Length)
            {
                await output.WriteAsync(chunk.AsMemory(0, used), ct);
                bytes += used;
                used = 0;
            }
        }

        FormatTrailer(Record(chunk, used), count, total, errors);
        ThrowIf(errors);
        used = EndLine(chunk, used, separator);
        if (used == chunk.Length)
        {
            await output.WriteAsync(chunk.AsMemory(0, used), ct);
            bytes += used;
            used = 0;
        }
        FormatEnd(Record(chunk, used));
        used = EndLine(chunk, used, separator);
        await output.WriteAsync(chunk.AsMemory(0, used), ct);
        bytes += used;
        await output.FlushAsync(ct);
        return new ZenginFileSummary(count, new Yen(total), bytes);
    }

    private static Span<byte> Record(byte[] chunk, int offset) => chunk.AsSpan(offset, ZenginRecordBuilder.RecordLength);

    private static int EndLine(byte[] chunk, int offset, byte[] separator)
    {
        separator.CopyTo(chunk, offset + ZenginRecordBuilder.RecordLength);
        return offset + ZenginRecordBuilder.RecordLength + separator.Length;
    }

    private static void ThrowIf(List<Error> errors)
    {
        if (errors.Count > 0) throw new ZenginFormatException([.. errors]);
    }

    private static void FormatHeader(Span<byte> record, ZenginHeader header, List<Error> errors)
    {
        var r = new ZenginRecordBuilder(record, ZenginTerms.Header, 0, errors);
        r.Constant("1");  // データ区分: header
        r.Constant("21"); // 種別コード: 総合振込
        r.Constant("0");  // コード区分: JIS (Shift_JIS on a PC)
        r.Digits("clientCode", ZenginTerms.ClientCode, header.ClientCode, 10);
        r.Text("clientName", ZenginTerms.ClientName, header.ClientName, 40);
        r.Constant(header.TransferDate.ToString("MMdd", CultureInfo.InvariantCulture));
        r.Digits("bankCode", ZenginTerms.FromBankCode, header.BankCode, 4, exact: true);
        r.Text("bankName", ZenginTerms.FromBankName, header.BankName, 15, required: false);
        r.Digits("branchCode", ZenginTerms.FromBranchCode, header.BranchCode, 3, exact: true);
        r.Text("branchName", ZenginTerms.FromBranchName, header.BranchName, 15, required: false);
        r.Code(AccountTypeCode(header.AccountType, ref r));
        r.Digits("accountNumber", ZenginTerms.AccountNumber, header.AccountNumber, 7);
        r.Spaces(17);
        r.Complete();
        var date = header.TransferDate;
        if (!JapaneseHolidays.Covers(date))
            errors.Add(Error.Invalid("zengin.transfer_date_unknown", "transferDate", date));
        else if (!BusinessDays.IsBusinessDay(date))
            errors.Add(Error.Invalid("zengin.transfer_date_holiday", "transferDate", date));
    }

    private static void FormatData(Span<byte> record, ZenginTransfer t, int number, List<Error> errors)
    {
        var r = new ZenginRecordBuilder(record, ZenginTerms.Data, number, errors);
        r.Constant("2"); // データ区分: data
        r.Digits("bankCode", ZenginTerms.BankCode, t.BankCode, 4, exact: true);
        r.Text("bankName", ZenginTerms.BankName, t.BankName, 15, required: false);
        r.Digits("branchCode", ZenginTerms.BranchCode, t.BranchCode, 3, exact: true);
        r.Text("branchName", ZenginTerms.BranchName, t.BranchName, 15, required: false);
        r.Spaces(4); // 手形交換所番号: no longer used
        r.Code(AccountTypeCode(t.AccountType, ref r));
        r.Digits("accountNumber", ZenginTerms.AccountNumber, t.AccountNumber, 7);
        r.Text("payeeName", ZenginTerms.PayeeName, t.PayeeName, 30);
        if (t.Amount.Value is < 1 or > MaxAmount)
            errors.Add(Error.Invalid("zengin.amount", "amount", r.RecordName, MaxAmount, t.Amount));
        r.Number("amount", ZenginTerms.Amount, Math.Clamp(t.Amount.Value, 0, MaxAmount), 10);
        r.Code(t.NewCode switch
        {
            ZenginNewCode.Other => '0',
            ZenginNewCode.FirstTransfer => '1',
            ZenginNewCode.Changed => '2',
            _ => Invalid(ref r, "newCode", ZenginTerms.NewCode, t.NewCode),
        });
        if (t.EdiInfo is null)
        {
            r.Digits("customerCode1", ZenginTerms.CustomerCode1, t.CustomerCode1, 10, required: false);
            r.Digits("customerCode2", ZenginTerms.CustomerCode2, t.CustomerCode2, 10, required: false);
        }
        else
        {
            if (t.CustomerCode1 is not null || t.CustomerCode2 is not null)
                errors.Add(Error.Invalid("zengin.edi_with_customer_codes", "ediInfo", r.RecordName));
            r.Text("ediInfo", ZenginTerms.EdiInfo, t.EdiInfo, 20);
        }
        r.Code(t.Method switch
        {
            ZenginTransferMethod.Unspecified => ' ',
            ZenginTransferMethod.Telegraphic => '7',
            ZenginTransferMethod.Document => '8',
            _ => Invalid(ref r, "method", ZenginTerms.Method, t.Method),
        });
        r.Code(t.EdiInfo is null ? ' ' : 'Y'); // 識別表示: Y when the customer codes carry EDI information
        r.Spaces(7);
        r.Complete();
    }

    private static void FormatTrailer(Span<byte> record, int count, long total, List<Error> errors)
    {
        var r = new ZenginRecordBuilder(record, ZenginTerms.Trailer, 0, errors);
        r.Constant("8");
        r.Number("count", ZenginTerms.Count, count, 6);
        r.Number("total", ZenginTerms.Total, total, 12);
        r.Spaces(101);
        r.Complete();
    }

    private static void FormatEnd(Span<byte> record)
    {
        var r = new ZenginRecordBuilder(record, ZenginTerms.End, 0, []);
        r.Constant("9");
        r.Spaces(119);
        r.Complete();
    }

    private static char AccountTypeCode(ZenginAccountType type, ref ZenginRecordBuilder r) =>
        Enum.IsDefined(type) ? (char)('0' + (int)type) : Invalid(ref r, "accountType", ZenginTerms.AccountType, type);

    private static char Invalid<T>(ref ZenginRecordBuilder r, string field, Phrase label, T value)
    {
        r.Reject(field, label, new Phrase("zengin.problem.invalid_value", value));
        return ' ';
    }
}
