namespace KMN.Orleans.Web.Hosting;

/// <summary>
/// A stop (SIGTERM/Ctrl+C) that arrives while the client still waits for a silo cancels the hosted services'
/// start, and the host reports that as a failed start. For this app it is an ordinary shutdown, not a crash.
/// </summary>
public static class StartupCancellation
{
    public static async Task RunUntilStoppedAsync(this WebApplication app)
    {
        // Take the token now: RunAsync disposes the host (and its services) before the exception reaches us.
        var stopping = app.Lifetime.ApplicationStopping;
        var logger = app.Logger;
        try
        {
            await app.RunAsync();
        }
        catch (Exception ex) when (stopping.IsCancellationRequested && OnlyCancellations(ex))
        {
            logger.LogInformation("Stopped before the cluster connection was established.");
        }
    }

    private static bool OnlyCancellations(Exception ex) => ex switch
    {
        OperationCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(OnlyCancellations),
        _ => false,
    };
}
