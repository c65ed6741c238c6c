using System.Diagnostics;
using System.Text;

namespace KMN.Orleans.BrowserTests.Infrastructure;

/// <summary>
/// A silo or web process started the way production starts it (<c>dotnet X.dll</c>), with its console
/// output kept in memory so a failing wait or test can show what the process said.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int MaxLines = 5000;
    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }
    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;

    public static ChildProcess StartDotnet(string name, string dll, IReadOnlyDictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(dll);
        // Inherited URL settings would beat or fight ours; the fixture decides every port.
        psi.Environment.Remove("ASPNETCORE_URLS");
        psi.Environment.Remove("DOTNET_URLS");
        foreach (var (key, value) in environment)
            psi.Environment[key] = value;

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data is null ? null : "[stderr] " + e.Data);
        if (!process.Start())
            throw new InvalidOperationException($"Could not start {name}: {psi.FileName} {dll}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>What the process printed so far (the most recent lines when it printed a lot).</summary>
    public string Output
    {
        get
        {
            lock (_gate)
                return string.Join(Environment.NewLine, _lines);
        }
    }

    /// <summary>A header and the last <paramref name="tailLines"/> lines, sized for an assertion message.</summary>
    public string Describe(int tailLines = 200)
    {
        string[] tail;
        lock (_gate)
            tail = [.. _lines.TakeLast(tailLines)];
        var state = HasExited ? $", exited {_process.ExitCode}" : "";
        return $"--- {Name} (pid {_process.Id}{state}), last {tail.Length} lines ---{Environment.NewLine}{string.Join(Environment.NewLine, tail)}";
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped: nothing left to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > MaxLines)
                _lines.Dequeue();
        }
    }

    /// <summary>The dotnet host running these tests, so children use the same runtime.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : "dotnet";
}
