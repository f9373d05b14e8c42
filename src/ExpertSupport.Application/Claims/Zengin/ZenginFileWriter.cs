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

    /// <summary>Whether the header can be written; errors name the field and say what to fix, in Japanese.</summary>
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
                throw new ZenginFormatException([Error.Invalid("zengin.count", $"データ {count}件目: 1ファイルの件数は{MaxCount:N0}件までです（合計件数は6桁）。", "count")]);
            FormatData(Record(chunk, used), transfer, count, errors);
            ThrowIf(errors);
            total += transfer.Amount.Value;
            if (total > MaxTotal)
                throw new ZenginFormatException([Error.Invalid("zengin.total", $"データ {count}件目: 合計金額が12桁（{MaxTotal:N0}円）を超えます。", "total")]);
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
        var r = new ZenginRecordBuilder(record, "ヘッダー", 0, errors);
        r.Constant("1");  // データ区分: header
        r.Constant("21"); // 種別コード: 総合振込
        r.Constant("0");  // コード区分: JIS (Shift_JIS on a PC)
        r.Digits("clientCode", "振込依頼人コード", header.ClientCode, 10);
        r.Text("clientName", "振込依頼人名", header.ClientName, 40);
        r.Constant(header.TransferDate.ToString("MMdd", CultureInfo.InvariantCulture));
        r.Digits("bankCode", "仕向銀行番号", header.BankCode, 4, exact: true);
        r.Text("bankName", "仕向銀行名", header.BankName, 15, required: false);
        r.Digits("branchCode", "仕向支店番号", header.BranchCode, 3, exact: true);
        r.Text("branchName", "仕向支店名", header.BranchName, 15, required: false);
        r.Code(AccountTypeCode(header.AccountType, ref r));
        r.Digits("accountNumber", "口座番号", header.AccountNumber, 7);
        r.Spaces(17);
        r.Complete();
        var date = header.TransferDate;
        if (!JapaneseHolidays.Covers(date))
            errors.Add(Error.Invalid("zengin.transferDate", $"ヘッダーの振込指定日: {date:yyyy-MM-dd} は祝日データの範囲外で、銀行営業日か確かめられません。", "transferDate"));
        else if (!BusinessDays.IsBusinessDay(date))
            errors.Add(Error.Invalid("zengin.transferDate", $"ヘッダーの振込指定日: {date:yyyy-MM-dd} は銀行の休業日です。", "transferDate"));
    }

    private static void FormatData(Span<byte> record, ZenginTransfer t, int number, List<Error> errors)
    {
        var r = new ZenginRecordBuilder(record, "データ", number, errors);
        r.Constant("2"); // データ区分: data
        r.Digits("bankCode", "被仕向銀行番号", t.BankCode, 4, exact: true);
        r.Text("bankName", "被仕向銀行名", t.BankName, 15, required: false);
        r.Digits("branchCode", "被仕向支店番号", t.BranchCode, 3, exact: true);
        r.Text("branchName", "被仕向支店名", t.BranchName, 15, required: false);
        r.Spaces(4); // 手形交換所番号: no longer used
        r.Code(AccountTypeCode(t.AccountType, ref r));
        r.Digits("accountNumber", "口座番号", t.AccountNumber, 7);
        r.Text("payeeName", "受取人名", t.PayeeName, 30);
        if (t.Amount.Value is < 1 or > MaxAmount)
            errors.Add(Error.Invalid("zengin.amount", $"{r.RecordName}の振込金額: 1円から{MaxAmount:N0}円までです（{t.Amount}）。", "amount"));
        r.Number("amount", "振込金額", Math.Clamp(t.Amount.Value, 0, MaxAmount), 10);
        r.Code(t.NewCode switch
        {
            ZenginNewCode.Other => '0',
            ZenginNewCode.FirstTransfer => '1',
            ZenginNewCode.Changed => '2',
            _ => Invalid(ref r, "newCode", "新規コード", t.NewCode),
        });
        if (t.EdiInfo is null)
        {
            r.Digits("customerCode1", "顧客コード1", t.CustomerCode1, 10, required: false);
            r.Digits("customerCode2", "顧客コード2", t.CustomerCode2, 10, required: false);
        }
        else
        {
            if (t.CustomerCode1 is not null || t.CustomerCode2 is not null)
                errors.Add(Error.Invalid("zengin.ediInfo", $"{r.RecordName}のEDI情報: 顧客コードと同時には使えません。", "ediInfo"));
            r.Text("ediInfo", "EDI情報", t.EdiInfo, 20);
        }
        r.Code(t.Method switch
        {
            ZenginTransferMethod.Unspecified => ' ',
            ZenginTransferMethod.Telegraphic => '7',
            ZenginTransferMethod.Document => '8',
            _ => Invalid(ref r, "method", "振込指定区分", t.Method),
        });
        r.Code(t.EdiInfo is null ? ' ' : 'Y'); // 識別表示: Y when the customer codes carry EDI information
        r.Spaces(7);
        r.Complete();
    }

    private static void FormatTrailer(Span<byte> record, int count, long total, List<Error> errors)
    {
        var r = new ZenginRecordBuilder(record, "トレーラー", 0, errors);
        r.Constant("8");
        r.Number("count", "合計件数", count, 6);
        r.Number("total", "合計金額", total, 12);
        r.Spaces(101);
        r.Complete();
    }

    private static void FormatEnd(Span<byte> record)
    {
        var r = new ZenginRecordBuilder(record, "エンド", 0, []);
        r.Constant("9");
        r.Spaces(119);
        r.Complete();
    }

    private static char AccountTypeCode(ZenginAccountType type, ref ZenginRecordBuilder r) =>
        Enum.IsDefined(type) ? (char)('0' + (int)type) : Invalid(ref r, "accountType", "預金種目", type);

    private static char Invalid<T>(ref ZenginRecordBuilder r, string field, string label, T value)
    {
        r.Reject(field, label, $"使えない値です（{value}）。");
        return ' ';
    }
}
