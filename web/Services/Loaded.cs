namespace KMN.Orleans.Web.Services;

/// <summary>
/// The outcome of one load for a page: a value, or why the cluster could not give it. Lets a page show the
/// parts that answered next to a message for the parts that did not.
/// </summary>
public sealed record Loaded<T>(T? Value, ClusterUnavailableException? Error);

public static class Loaded
{
    public static async Task<Loaded<T>> FromAsync<T>(Func<Task<T>> load)
    {
        try
        {
            return new Loaded<T>(await load(), null);
        }
        catch (ClusterUnavailableException ex)
        {
            return new Loaded<T>(default, ex);
        }
    }
}
