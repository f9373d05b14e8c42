using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;

namespace ExpertSupport.IntegrationTests.Foundation;

/// <summary>The app as a real process, the way `dotnet run` starts it: no connection string, Development.</summary>
[Trait("Category", "Slow")]
public sealed class StartupProcessTests
{
    [Fact]
    public async Task Without_PostgreSQL_binaries_the_app_explains_what_to_install_and_exits_with_1()
    {
        using var app = AppProcess.Start(new() { ["EXPERTSUPPORT_PG_BIN"] = "/nonexistent" }, Path.GetTempPath());
        var exit = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exit);
        Assert.Contains("apt-get install -y postgresql", app.Output);
        Assert.Contains("ConnectionStrings__Default", app.Output);
        Assert.DoesNotContain("   at ", app.Output); // no stack trace
    }

    [Fact]
    public async Task SIGTERM_stops_the_private_PostgreSQL_and_the_next_start_reuses_its_data()
    {
        var dataRoot = Path.Combine(Path.GetTempPath(), $"es-dev-{Guid.NewGuid():N}");
        var pgData = Path.Combine(dataRoot, "postgres");
        try
        {
            var email = $"kept-{Guid.NewGuid():N}@test.example.jp";
            using (var first = AppProcess.Start(new() { ["Database__DataDirectory"] = pgData }, dataRoot))
            {
                var url = await first.WaitForUrlAsync(TimeSpan.FromSeconds(180));
                using var http = new HttpClient { BaseAddress = new Uri(url) };
                Assert.Equal(200, (int)(await http.GetAsync("/health/ready")).StatusCode);
                var registered = await http.PostAsJsonAsync("/api/auth/register",
                    new { email, password = "Kept-pass-1234", displayName = "残るデータ", role = "Company" });
                Assert.Equal(201, (int)registered.StatusCode);
                Assert.True(File.Exists(Path.Combine(pgData, "postmaster.pid")));

                first.Terminate();
                Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromSeconds(60)));
                Assert.False(File.Exists(Path.Combine(pgData, "postmaster.pid")), "PostgreSQL is still running after SIGTERM:\n" + first.Output);
            }

            using var second = AppProcess.Start(new() { ["Database__DataDirectory"] = pgData }, dataRoot);
            var secondUrl = await second.WaitForUrlAsync(TimeSpan.FromSeconds(180));
            using var client = new HttpClient { BaseAddress = new Uri(secondUrl) };
            var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Kept-pass-1234" });
            Assert.Equal(200, (int)login.StatusCode);
            second.Terminate();
            await second.WaitForExitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            try { Directory.Delete(dataRoot, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private sealed class AppProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private AppProcess(Process process) => _process = process;

        public string Output { get { lock (_output) return _output.ToString(); } }

        public static AppProcess Start(Dictionary<string, string> environment, string dataRoot)
        {
            var repo = ExpertSupport.Testing.RepositoryPaths.Root();
            var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ExpertSupport.Web.dll"), "--urls", "http://127.0.0.1:0"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.Combine(repo, "src", "ExpertSupport.Web"),
            };
            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            psi.Environment["ConnectionStrings__Default"] = "";
            psi.Environment["Email__PickupDirectory"] = Path.Combine(dataRoot, "mail");
            psi.Environment["Jobs__RunServer"] = "false";
            foreach (var (k, v) in environment) psi.Environment[k] = v;

            var app = new AppProcess(new Process { StartInfo = psi, EnableRaisingEvents = true });
            app._process.OutputDataReceived += (_, e) => app.Append(e.Data);
            app._process.ErrorDataReceived += (_, e) => app.Append(e.Data);
            app._process.Start();
            app._process.BeginOutputReadLine();
            app._process.BeginErrorReadLine();
            return app;
        }

        private void Append(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
            const string marker = "ExpertSupport is running: ";
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0) _url.TrySetResult(line[(at + marker.Length)..].Trim());
        }

        public async Task<string> WaitForUrlAsync(TimeSpan timeout)
        {
            var done = await Task.WhenAny(_url.Task, _process.WaitForExitAsync(), Task.Delay(timeout));
            if (done != _url.Task) throw new TimeoutException("The app did not start:\n" + Output);
            return await _url.Task;
        }

        public async Task<int> WaitForExitAsync(TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            await _process.WaitForExitAsync(cts.Token);
            _process.WaitForExit(); // flush the output readers
            return _process.ExitCode;
        }

        /// <summary>SIGTERM, as a process manager or `kill` sends it.</summary>
        public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
