using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExpertSupport.Infrastructure.Email;

/// <summary>
/// A local SMTP server for development and tests: it speaks enough SMTP for a real client (MailKit) and
/// writes every message it receives as an .eml file. Nothing leaves the machine.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _log;
    private readonly string _directory;
    private readonly ConcurrentQueue<string> _received = new();
    private Task? _acceptLoop;

    public SmtpSink(string directory, ILogger? logger = null)
    {
        _directory = Path.GetFullPath(directory);
        _log = logger ?? NullLogger.Instance;
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public string Directory => _directory;

    /// <summary>Paths of the .eml files received since start, oldest first.</summary>
    public IReadOnlyList<string> Received => [.. _received];

    public void Start()
    {
        System.IO.Directory.CreateDirectory(_directory);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync(_stop.Token);
        _log.LogInformation("Development SMTP sink on 127.0.0.1:{Port}, writing to {Dir}", Port, _directory);
    }

    private async Task AcceptLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(ct); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(client, ct), ct);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, new UTF8Encoding(false), false, 8192, leaveOpen: true);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost ExpertSupport development SMTP sink");
            while (!ct.IsCancellationRequested && await reader.ReadLineAsync(ct) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250-8BITMIME");
                        await writer.WriteLineAsync("250 SMTPUTF8");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        await SaveAsync(await ReadDataAsync(reader, ct), ct);
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        // HELO, MAIL, RCPT, RSET, NOOP: accepted as they come.
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            _log.LogDebug(ex, "SMTP sink connection ended");
        }
    }

    private static async Task<string> ReadDataAsync(StreamReader reader, CancellationToken ct)
    {
        var message = new StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line && line != ".")
            message.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        return message.ToString();
    }

    private async Task SaveAsync(string message, CancellationToken ct)
    {
        // A version-7 id sorts by arrival, so the folder lists mail in the order it came.
        var path = Path.Combine(_directory, $"{Guid.CreateVersion7():N}.eml");
        await File.WriteAllTextAsync(path, message, new UTF8Encoding(false), ct);
        _received.Enqueue(path);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_acceptLoop is not null) await _acceptLoop;
        _stop.Dispose();
    }
}
