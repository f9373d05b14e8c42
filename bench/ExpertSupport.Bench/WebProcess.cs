using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ExpertSupport.Bench;

/// <summary>
/// The web app as it runs in production: its own process (the Release build of ExpertSupport.Web), on a free local port,
/// on the bench's database. Start-up is timed to the first healthy answer of /health/ready.
/// </summary>
internal sealed class WebProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WebProcess(Process process, Uri baseAddress, TimeSpan startup)
    {
        _process = process;
        BaseAddress = baseAddress;
        Startup = startup;
    }

    public Uri BaseAddress { get; }
    public TimeSpan Startup { get; }
    public int ProcessId => _process.Id;

    /// <summary>Resident memory now, in MB (Linux: VmRSS; elsewhere the working set).</summary>
    public double ResidentMegabytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64 / 1024.0 / 1024.0;
        }
    }

    public double PeakResidentMegabytes
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64 / 1024.0 / 1024.0;
        }
    }

    public static async Task<WebProcess> StartAsync(string connectionString, IEnumerable<string> args, IDictionary<string, string>? settings = null)
    {
        var dll = WebDll();
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Default"] = connectionString;
        info.Environment["Jobs__RunServer"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning";
        info.Environment["Storage__Path"] = Path.Combine(Path.GetTempPath(), $"expertsupport-bench-files-{Environment.ProcessId}");
        info.Environment["Email__PickupDirectory"] = Path.Combine(Path.GetTempPath(), $"expertsupport-bench-mail-{Environment.ProcessId}");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key] = value;

        var started = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("The web process did not start.");
        var output = new List<string>();
        // The app's output is drained (a full pipe would stall it) and kept to explain a failed start.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (started.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (process.HasExited)
            {
                lock (output) throw new InvalidOperationException($"The web process exited ({process.ExitCode}):\n{string.Join('\n', output.TakeLast(40))}");
            }
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK) return new WebProcess(process, baseAddress, started.Elapsed);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(25);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The web process did not become ready within 5 minutes.");
    }

    public HttpClient Client(string? bearer = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no cleanup — as a crashed machine or an OOM kill would leave things.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>The Release build next to this bench (the bench's project reference builds it).</summary>
    private static string WebDll()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "ExpertSupport.sln"))) root = Path.GetDirectoryName(root);
        if (root is null) throw new InvalidOperationException("Run the bench from the repository (ExpertSupport.sln not found above it).");
        var dll = Path.Combine(root, "src", "ExpertSupport.Web", "bin", "Release", "net10.0", "ExpertSupport.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: run the bench with -c Release.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
