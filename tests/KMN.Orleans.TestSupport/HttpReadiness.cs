namespace KMN.Orleans.TestSupport;

/// <summary>Waits for a process's /health/ready; a process that exits or never answers fails with its output.</summary>
public static class HttpReadiness
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task WaitAsync(string url, DotnetProcess process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{process.Name} exited while starting.{Environment.NewLine}{process.Describe()}");
            try
            {
                using var response = await Http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                    return;
                last = $"{(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{url} not ready after {timeout.TotalSeconds:0}s ({last}).{Environment.NewLine}{process.Describe()}");
    }
}
