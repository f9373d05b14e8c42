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
        var header = ParseHeader(reader.Next() ?? throw Problem(1, ZenginTerms.Header, new Phrase("zengin.problem.empty_file")), transferYear);
        var count = 0;
        var total = 0L;
        while (true)
        {
            var record = reader.Next() ?? throw Problem(reader.Number, ZenginTerms.Trailer, new Phrase("zengin.problem.no_trailer"));
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
        var end = reader.Next() ?? throw Problem(reader.Number, ZenginTerms.End, new Phrase("zengin.problem.no_end"));
        var fields = new Fields(end, reader.Number, ZenginTerms.End);
        fields.Constant(1, "9", ZenginTerms.DataType);
        fields.Spaces(2, 119, ZenginTerms.Dummy);
        fields.ThrowIfInvalid();
        reader.ExpectEnd();
        return (header, new ZenginFileSummary(count, new Yen(total), reader.BytesRead));
    }

    private static ZenginHeader ParseHeader(byte[] record, int transferYear)
    {
        var f = new Fields(record, 1, ZenginTerms.Header);
        f.Constant(1, "1", ZenginTerms.DataType);
        f.Constant(2, "21", ZenginTerms.KindCode);
        f.Constant(4, "0", ZenginTerms.CodeType);
        var clientCode = f.Digits(5, 10, ZenginTerms.ClientCode);
        var clientName = f.Text(15, 40, ZenginTerms.ClientName, required: true);
        var mmdd = f.Digits(55, 4, ZenginTerms.TransferDate);
        var bankCode = f.Digits(59, 4, ZenginTerms.FromBankCode);
        var bankName = f.Text(63, 15, ZenginTerms.FromBankName);
        var branchCode = f.Digits(78, 3, ZenginTerms.FromBranchCode);
        var branchName = f.Text(81, 15, ZenginTerms.FromBranchName);
        var accountType = f.AccountType(96);
        var accountNumber = f.Digits(97, 7, ZenginTerms.AccountNumber);
        f.Spaces(104, 17, ZenginTerms.Dummy);
        var date = default(DateOnly);
        if (mmdd is not null && !DateOnly.TryParseExact($"{transferYear:D4}{mmdd}", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            f.Fail(ZenginTerms.TransferDate, new Phrase("zengin.problem.not_a_date", transferYear, mmdd));
        f.ThrowIfInvalid();
        return new ZenginHeader(clientCode!, clientName!, date, bankCode!, bankName, branchCode!, branchName, accountType, accountNumber!);
    }

    private static ZenginTransfer ParseData(byte[] record, int number)
    {
        var f = new Fields(record, number, ZenginTerms.Data);
        var bankCode = f.Digits(2, 4, ZenginTerms.BankCode);
        var bankName = f.Text(6, 15, ZenginTerms.BankName);
        var branchCode = f.Digits(21, 3, ZenginTerms.BranchCode);
        var branchName = f.Text(24, 15, ZenginTerms.BranchName);
        f.SpacesOrZeros(39, 4, ZenginTerms.ClearingHouse);
        var accountType = f.AccountType(43);
        var accountNumber = f.Digits(44, 7, ZenginTerms.AccountNumber);
        var payeeName = f.Text(51, 30, ZenginTerms.PayeeName, required: true);
        var amount = f.Digits(81, 10, ZenginTerms.Amount);
        var newCode = f.Char(91, ZenginTerms.NewCode, "012") switch { '1' => ZenginNewCode.FirstTransfer, '2' => ZenginNewCode.Changed, _ => ZenginNewCode.Other };
        var withEdi = f.Char(113, ZenginTerms.EdiFlag, " Y") == 'Y';
        var ediInfo = withEdi ? f.Text(92, 20, ZenginTerms.EdiInfo) : null;
        var customerCode1 = withEdi ? null : f.Digits(92, 10, ZenginTerms.CustomerCode1, optional: true);
        var customerCode2 = withEdi ? null : f.Digits(102, 10, ZenginTerms.CustomerCode2, optional: true);
        var method = f.Char(112, ZenginTerms.Method, " 78") switch { '7' => ZenginTransferMethod.Telegraphic, '8' => ZenginTransferMethod.Document, _ => ZenginTransferMethod.Unspecified };
        f.Spaces(114, 7, ZenginTerms.Dummy);
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
        var f = new Fields(record, number, ZenginTerms.Trailer);
        f.Constant(1, "8", ZenginTerms.DataType);
        var trailerCount = f.Digits(2, 6, ZenginTerms.Count);
        var trailerTotal = f.Digits(8, 12, ZenginTerms.Total);
        f.Spaces(20, 101, ZenginTerms.Dummy);
        if (trailerCount is not null && int.Parse(trailerCount, CultureInfo.InvariantCulture) != count)
            f.Fail(ZenginTerms.Count, new Phrase("zengin.problem.count_differs", int.Parse(trailerCount, CultureInfo.InvariantCulture), count));
        if (trailerTotal is not null && long.Parse(trailerTotal, CultureInfo.InvariantCulture) != total)
            f.Fail(ZenginTerms.Total, new Phrase("zengin.problem.total_differs", long.Parse(trailerTotal, CultureInfo.InvariantCulture), total));
        f.ThrowIfInvalid();
    }

    /// <summary>{0} the record's number in the file, {1} which record or what, {2} what is wrong.</summary>
    private static ZenginFormatException Problem(int number, Phrase record, Phrase problem) =>
        new([Error.Invalid("zengin.structure", null, number, record, problem)]);

    /// <summary>Reads fields at 1-based columns of one record, collecting every problem.</summary>
    private sealed class Fields(byte[] record, int number, Phrase kind)
    {
        private readonly List<Error> _errors = [];

        public void Constant(int column, string expected, Phrase label)
        {
            if (Ascii(column, expected.Length) != expected) Fail(label, new Phrase("zengin.problem.expected", expected, Ascii(column, expected.Length)));
        }

        public string? Digits(int column, int length, Phrase label, bool optional = false)
        {
            var value = Ascii(column, length);
            if (optional && value.All(c => c == ' ')) return null;
            if (value.All(char.IsAsciiDigit)) return value;
            Fail(label, new Phrase("zengin.problem.expected_digits", length, value));
            return null;
        }

        public string? Text(int column, int length, Phrase label, bool required = false)
        {
            string value;
            try
            {
                value = ShiftJis.Strict.GetString(record, column - 1, length);
            }
            catch (DecoderFallbackException)
            {
                Fail(label, new Phrase("zengin.problem.not_shift_jis"));
                return null;
            }
            var trimmed = value.TrimEnd(' ');
            if (trimmed.Length == 0)
            {
                if (required) Fail(label, new Phrase("zengin.problem.blank"));
                return null;
            }
            if (value.Length != length || !ZenginText.IsValid(trimmed))
                Fail(label, new Phrase("zengin.problem.characters_read", trimmed));
            else if (trimmed[0] == ' ')
                Fail(label, new Phrase("zengin.problem.not_left_aligned"));
            return trimmed;
        }

        public void Spaces(int column, int length, Phrase label)
        {
            if (record.AsSpan(column - 1, length).ContainsAnyExcept((byte)' ')) Fail(label, new Phrase("zengin.problem.expected_spaces"));
        }

        public void SpacesOrZeros(int column, int length, Phrase label)
        {
            var value = Ascii(column, length);
            if (!value.All(c => c == ' ') && !value.All(c => c == '0')) Fail(label, new Phrase("zengin.problem.expected_unused", value));
        }

        public char Char(int column, Phrase label, string allowed)
        {
            var c = (char)record[column - 1];
            if (!allowed.Contains(c, StringComparison.Ordinal))
                Fail(label, new Phrase("zengin.problem.not_allowed", c.ToString(), allowed.Select(a => a == ' ' ? (object)ZenginTerms.Space : a.ToString()).ToList()));
            return c;
        }

        public ZenginAccountType AccountType(int column) => Char(column, ZenginTerms.AccountType, "1249") switch
        {
            '1' => ZenginAccountType.Ordinary,
            '2' => ZenginAccountType.Current,
            '4' => ZenginAccountType.Savings,
            _ => ZenginAccountType.Other,
        };

        /// <summary>{0} the record's number in the file, {1} its kind, {2} the field's name, {3} what is wrong.</summary>
        public void Fail(Phrase label, Phrase problem) =>
            _errors.Add(Error.Invalid("zengin.read", null, number, kind, label, problem));

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
                throw Problem(Number + 1, ZenginTerms.Eof, new Phrase("zengin.problem.data_after_eof"));
            }
            Number++;
            var record = new byte[RecordLength];
            for (var i = 0; i < RecordLength; i++)
            {
                var b = Read();
                if (b == -1) throw Problem(Number, ZenginTerms.Length, new Phrase("zengin.problem.short_record", i));
                if (b is '\r' or '\n') throw Problem(Number, ZenginTerms.Length, new Phrase("zengin.problem.early_line_break", i + 1));
                record[i] = (byte)b;
            }
            var next = Peek();
            _crLf ??= next == '\r';
            if (_crLf == true && next is not (-1 or EndOfFile))
            {
                if (Read() != '\r' || Read() != '\n')
                    throw Problem(Number, ZenginTerms.Length, new Phrase("zengin.problem.no_crlf"));
            }
            return record;
        }

        public void ExpectEnd()
        {
            if (Next() is not null) throw Problem(Number, ZenginTerms.AfterEnd, new Phrase("zengin.problem.data_after_end"));
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
