namespace KMN.Orleans.Web.Services.Chart;

/// <summary>
/// Tells an open chart that its patient's record changed (an upload, a consent change), so the page reloads
/// without the user asking. Disposing the returned handle stops watching.
/// </summary>
public interface IChartLiveFeed
{
    IAsyncDisposable Watch(string patientId, Func<Task> changed);
}
