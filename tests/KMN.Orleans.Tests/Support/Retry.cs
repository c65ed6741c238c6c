namespace KMN.Orleans.Tests.Support;

/// <summary>What a caller of the grains does after a transient failure: try again until a deadline.</summary>
public static class Retry
{
    public static async Task UntilSucceedsAsync(Func<Task> action, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                await action();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // Nothing to await: the database's recovery is only visible by trying.
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
