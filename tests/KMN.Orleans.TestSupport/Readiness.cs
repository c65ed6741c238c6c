namespace KMN.Orleans.TestSupport;

/// <summary>
/// Polls a condition of a started process (its /health/ready, data it loads) until it holds or a deadline passes;
/// a process that exits or never gets there fails with its output.
/// </summary>
public static class Readiness
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static Task WaitForHealthyAsync(string url, DotnetProcess process, TimeSpan timeout) =>
        WaitUntilAsync($"{url} to answer 200", process, timeout, async () =>
        {
            try
            {
                using var response = await Http.GetAsync(url);
                return response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return ex.GetBaseException().Message;
            }
        });

    /// <summary>
    /// Runs <paramref name="probe"/> until it returns null (done); a non-null result is the latest reason
    /// why not, reported if time runs out. A process that exits meanwhile fails at once.
    /// </summary>
    public static async Task WaitUntilAsync(string what, DotnetProcess process, TimeSpan timeout, Func<Task<string?>> probe)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? lastReason;
        do
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{process.Name} exited while waiting for {what}.{Environment.NewLine}{process.Describe()}");
            lastReason = await probe();
            if (lastReason is null)
                return;
            await Task.Delay(PollInterval);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException(
            $"Gave up after {timeout.TotalSeconds:0}s waiting for {what}; last answer: {lastReason}{Environment.NewLine}{process.Describe()}");
    }
}
