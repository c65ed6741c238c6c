using System.Diagnostics;
using System.Text;

namespace KMN.Orleans.TestSupport;

/// <summary>A silo or web started as <c>dotnet X.dll</c>, its recent output kept for failure messages.</summary>
public sealed class DotnetProcess : IAsyncDisposable
{
    private const int MaxLines = 3000;
    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    private DotnetProcess(string name, Process process) => (Name, _process) = (name, process);

    public string Name { get; }
    public bool HasExited => _process.HasExited;

    public static DotnetProcess StartDotnet(string name, string dll, IReadOnlyDictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(dll);
        psi.Environment.Remove("ASPNETCORE_URLS");
        psi.Environment.Remove("DOTNET_URLS");
        foreach (var (key, value) in environment)
            psi.Environment[key] = value;
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var child = new DotnetProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data is null ? null : "[stderr] " + e.Data);
        if (!process.Start())
            throw new InvalidOperationException($"Could not start {name}: {dll}");
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

    public string Describe(int tailLines = 150)
    {
        string[] tail;
        lock (_gate)
            tail = [.. _lines.TakeLast(tailLines)];
        return $"--- {Name}{(HasExited ? $" (exited {_process.ExitCode})" : "")} ---{Environment.NewLine}{string.Join(Environment.NewLine, tail)}";
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
            // never started or already reaped
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
}
