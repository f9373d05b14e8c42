using System.Globalization;
using System.Text;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Payments;

namespace ExpertSupport.Application.Claims.Zengin;

/// <summary>
/// Reads a 総合振込 file back field by field and checks everything a bank checks: 120-byte records (with or without
/// CR LF after each), the record order header → data… → trailer → end, digits in numeric fields, only Zengin
/// characters in text fields (left-aligned, space-padded), spaces in the dummy areas, and a trailer whose count and
/// sum equal the data records. Any problem throws <see cref="ZenginFormatException"/> naming the record and field.
/// The column positions below are written out from the 全銀協 layout on their own, not shared with the writer,
/// so that the two check each other.
/// </summary>
public static class ZenginFileReader
{
    private const int RecordLength = 120;
    private const byte EndOfFile = 0x1A; // some banking software ends the file with Ctrl-Z

    /// <summary>Reads the whole file into memory. <paramref name="transferYear"/> completes the header's MMDD.</summary>
    public static ZenginFile Read(Stream input, int transferYear)
    {
        var transfers = new List<ZenginTransfer>();
        var (header, summary) = Scan(input, transferYear, transfers.Add);
        return new ZenginFile(header, transfers, summary);
    }

    /// <summary>Checks a file of any size without keeping its transfers; returns the verified count, sum and size.</summary>
    public static ZenginFileSummary Verify(Stream input, int transferYear) => Scan(input, transferYear, static _ => { }).Summary;

    private static (ZenginHeader Header, ZenginFileSummary Summary) Scan(Stream input, int transferYear, Action<ZenginTransfer> onTransfer)
    {
        var reader = new RecordReader(input);
        var header = ParseHeader(reader.Next() ?? throw Problem(1, "ヘッダー", "ファイルが空です。"), transferYear);
        var count = 0;
        var total = 0L;
        while (true)
        {
            var record = reader.Next() ?? throw Problem(reader.Number, "トレーラー", "トレーラー・レコードがありません。");
            if (record[0] == (byte)'2')
            {
                var transfer = ParseData(record, reader.Number);
                count++;
                total += transfer.Amount.Value;
                onTransfer(transfer);
                continue;
            }
            ParseTrailer(record, reader.Number, count, total);
            break;
        }
        var end = reader.Next() ?? throw Problem(reader.Number, "エンド", "エンド・レコードがありません。");
        var fields = new Fields(end, reader.Number, "エンド");
        fields.Constant(1, "9", "データ区分");
        fields.Spaces(2, 119, "ダミー");
        fields.ThrowIfInvalid();
        reader.ExpectEnd();
        return (header, new ZenginFileSummary(count, new Yen(total), reader.BytesRead));
    }

    private static ZenginHeader ParseHeader(byte[] record, int transferYear)
    {
        var f = new Fields(record, 1, "ヘッダー");
        f.Constant(1, "1", "データ区分");
        f.Constant(2, "21", "種別コード");
        f.Constant(4, "0", "コード区分");
        var clientCode = f.Digits(5, 10, "振込依頼人コード");
        var clientName = f.Text(15, 40, "振込依頼人名", required: true);
        var mmdd = f.Digits(55, 4, "振込指定日");
        var bankCode = f.Digits(59, 4, "仕向銀行番号");
        var bankName = f.Text(63, 15, "仕向銀行名");
        var branchCode = f.Digits(78, 3, "仕向支店番号");
        var branchName = f.Text(81, 15, "仕向支店名");
        var accountType = f.AccountType(96);
        var accountNumber = f.Digits(97, 7, "口座番号");
        f.Spaces(104, 17, "ダミー");
        var date = default(DateOnly);
        if (mmdd is not null && !DateOnly.TryParseExact($"{transferYear:D4}{mmdd}", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            f.Fail("振込指定日", $"{transferYear}年の日付になりません（{mmdd}）。");
        f.ThrowIfInvalid();
        return new ZenginHeader(clientCode!, clientName!, date, bankCode!, bankName, branchCode!, branchName, accountType, accountNumber!);
    }

    private static ZenginTransfer ParseData(byte[] record, int number)
    {
        var f = new Fields(record, number, "データ");
        var bankCode = f.Digits(2, 4, "被仕向銀行番号");
        var bankName = f.Text(6, 15, "被仕向銀行名");
        var branchCode = f.Digits(21, 3, "被仕向支店番号");
        var branchName = f.Text(24, 15, "被仕向支店名");
        f.SpacesOrZeros(39, 4, "手形交換所番号");
        var accountType = f.AccountType(43);
        var accountNumber = f.Digits(44, 7, "口座番号");
        var payeeName = f.Text(51, 30, "受取人名", required: true);
        var amount = f.Digits(81, 10, "振込金額");
        var newCode = f.Char(91, "新規コード", "012") switch { '1' => ZenginNewCode.FirstTransfer, '2' => ZenginNewCode.Changed, _ => ZenginNewCode.Other };
        var withEdi = f.Char(113, "識別表示", " Y") == 'Y';
        var ediInfo = withEdi ? f.Text(92, 20, "EDI情報") : null;
        var customerCode1 = withEdi ? null : f.Digits(92, 10, "顧客コード1", optional: true);
        var customerCode2 = withEdi ? null : f.Digits(102, 10, "顧客コード2", optional: true);
        var method = f.Char(112, "振込指定区分", " 78") switch { '7' => ZenginTransferMethod.Telegraphic, '8' => ZenginTransferMethod.Document, _ => ZenginTransferMethod.Unspecified };
        f.Spaces(114, 7, "ダミー");
        f.ThrowIfInvalid();
        return new ZenginTransfer(bankCode!, bankName, branchCode!, branchName, accountType, accountNumber!, payeeName!,
            new Yen(long.Parse(amount!, CultureInfo.InvariantCulture)))
        {
            NewCode = newCode,
            CustomerCode1 = customerCode1,
            CustomerCode2 = customerCode2,
            EdiInfo = ediInfo,
            Method = method,
        };
    }

    private static void ParseTrailer(byte[] record, int number, int count, long total)
    {
        var f = new Fields(record, number, "トレーラー");
        f.Constant(1, "8", "データ区分");
        var trailerCount = f.Digits(2, 6, "合計件数");
        var trailerTotal = f.Digits(8, 12, "合計金額");
        f.Spaces(20, 101, "ダミー");
        if (trailerCount is not null && int.Parse(trailerCount, CultureInfo.InvariantCulture) != count)
            f.Fail("合計件数", $"{int.Parse(trailerCount, CultureInfo.InvariantCulture)}件ですが、データ・レコードは{count}件です。");
        if (trailerTotal is not null && long.Parse(trailerTotal, CultureInfo.InvariantCulture) != total)
            f.Fail("合計金額", $"{long.Parse(trailerTotal, CultureInfo.InvariantCulture)}円ですが、データ・レコードの合計は{total}円です。");
        f.ThrowIfInvalid();
    }

    private static ZenginFormatException Problem(int number, string record, string message) =>
        new([Error.Invalid("zengin.structure", $"{number}レコード目（{record}）: {message}")]);

    /// <summary>Reads fields at 1-based columns of one record, collecting every problem.</summary>
    private sealed class Fields(byte[] record, int number, string kind)
    {
        private readonly List<Error> _errors = [];

        public void Constant(int column, string expected, string label)
        {
            if (Ascii(column, expected.Length) != expected) Fail(label, $"「{expected}」のはずが「{Ascii(column, expected.Length)}」です。");
        }

        public string? Digits(int column, int length, string label, bool optional = false)
        {
            var value = Ascii(column, length);
            if (optional && value.All(c => c == ' ')) return null;
            if (value.All(char.IsAsciiDigit)) return value;
            Fail(label, $"数字{length}桁のはずが「{value}」です。");
            return null;
        }

        public string? Text(int column, int length, string label, bool required = false)
        {
            string value;
            try
            {
                value = ShiftJis.Strict.GetString(record, column - 1, length);
            }
            catch (DecoderFallbackException)
            {
                Fail(label, "Shift_JIS として読めないバイトがあります。");
                return null;
            }
            var trimmed = value.TrimEnd(' ');
            if (trimmed.Length == 0)
            {
                if (required) Fail(label, "空です。");
                return null;
            }
            if (value.Length != length || !ZenginText.IsValid(trimmed))
                Fail(label, $"全銀で使えない文字があります（{trimmed}）。");
            else if (trimmed[0] == ' ')
                Fail(label, "左詰めになっていません。");
            return trimmed;
        }

        public void Spaces(int column, int length, string label)
        {
            if (record.AsSpan(column - 1, length).ContainsAnyExcept((byte)' ')) Fail(label, "スペースのはずです。");
        }

        public void SpacesOrZeros(int column, int length, string label)
        {
            var value = Ascii(column, length);
            if (!value.All(c => c == ' ') && !value.All(c => c == '0')) Fail(label, $"未使用（スペースまたは0）のはずが「{value}」です。");
        }

        public char Char(int column, string label, string allowed)
        {
            var c = (char)record[column - 1];
            if (!allowed.Contains(c, StringComparison.Ordinal)) Fail(label, $"「{c}」は使えません（{string.Join("/", allowed.Select(a => a == ' ' ? "スペース" : a.ToString()))}）。");
            return c;
        }

        public ZenginAccountType AccountType(int column) => Char(column, "預金種目", "1249") switch
        {
            '1' => ZenginAccountType.Ordinary,
            '2' => ZenginAccountType.Current,
            '4' => ZenginAccountType.Savings,
            _ => ZenginAccountType.Other,
        };

        public void Fail(string label, string problem) =>
            _errors.Add(Error.Invalid("zengin.read", $"{number}レコード目（{kind}）の{label}: {problem}", label));

        public void ThrowIfInvalid()
        {
            if (_errors.Count > 0) throw new ZenginFormatException(_errors);
        }

        private string Ascii(int column, int length) => Encoding.Latin1.GetString(record, column - 1, length);
    }

    /// <summary>Cuts the stream into 120-byte records; whether CR LF follows each is decided by the first one.</summary>
    private sealed class RecordReader(Stream input)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;
        private bool? _crLf;

        public int Number { get; private set; }
        public long BytesRead { get; private set; }

        public byte[]? Next()
        {
            var first = Peek();
            if (first == -1) return null;
            if (first == EndOfFile)
            {
                Read();
                if (Peek() == -1) return null;
                throw Problem(Number + 1, "EOF", "Ctrl-Z (0x1A) の後にデータがあります。");
            }
            Number++;
            var record = new byte[RecordLength];
            for (var i = 0; i < RecordLength; i++)
            {
                var b = Read();
                if (b == -1) throw Problem(Number, "長さ", $"レコード長が{i}バイトです（120バイトのはず）。");
                if (b is '\r' or '\n') throw Problem(Number, "長さ", $"{i + 1}バイト目で改行されています（レコード長は120バイトのはず）。");
                record[i] = (byte)b;
            }
            var next = Peek();
            _crLf ??= next == '\r';
            if (_crLf == true && next is not (-1 or EndOfFile))
            {
                if (Read() != '\r' || Read() != '\n')
                    throw Problem(Number, "長さ", "レコードの後に CR LF がありません（レコード長は120バイトのはず）。");
            }
            return record;
        }

        public void ExpectEnd()
        {
            if (Next() is not null) throw Problem(Number, "エンドの後", "エンド・レコードの後にデータがあります。");
        }

        private int Peek()
        {
            if (_start == _end)
            {
                _start = 0;
                _end = input.Read(_buffer);
                if (_end == 0) return -1;
            }
            return _buffer[_start];
        }

        private int Read()
        {
            var b = Peek();
            if (b == -1) return -1;
            _start++;
            BytesRead++;
            return b;
        }
    }
}
