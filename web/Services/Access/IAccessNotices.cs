using KMN.Orleans.Grains.Abstractions.Access;

namespace KMN.Orleans.Web.Services.Access;

/// <summary>
/// Live pushes for one circuit: a patient's access log grew, or a chart was opened by break-the-glass. Disposing
/// the returned handle unsubscribes; a page subscribes when it opens and disposes when it closes.
/// </summary>
public interface IAccessNotices
{
    Task<IAsyncDisposable> WatchAccessLogAsync(string patientId, Func<Task> changed);

    /// <summary><paramref name="key"/>: <see cref="AccessStreams.NetworkOperators"/> or a facility code.</summary>
    Task<IAsyncDisposable> WatchBreakGlassAsync(string key, Func<BreakGlassAlert, Task> alert);
}
