namespace KMN.Orleans.Import;

/// <summary>A one-line progress bar, redrawn in place: [#####.....] 21/42 bundles, 5,432 resources, 1,234/s.</summary>
public sealed class ProgressLine(int total, DateTime started) : IProgress<(int Done, long Resources)>
{
    private const int Width = 30;
    private readonly Lock _gate = new();

    public void Report((int Done, long Resources) value)
    {
        var filled = total == 0 ? Width : value.Done * Width / total;
        var rate = value.Resources / Math.Max((DateTime.UtcNow - started).TotalSeconds, 1e-3);
        lock (_gate)
            Console.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {value.Done}/{total} bundles, " +
                          $"{value.Resources:N0} resources, {rate:N0}/s   ");
    }
}
