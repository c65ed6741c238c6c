namespace KMN.Orleans.Import;

/// <summary>The closing lines both commands print: each failure, then one summary line (deploy/up.sh greps it).</summary>
public static class SummaryLine
{
    public static void Print(BundleImporter.Summary summary, Func<BundleImporter.Failure, string> name)
    {
        Console.WriteLine();
        foreach (var failure in summary.Failures)
            Console.WriteLine($"  failed  {name(failure)}  {failure.Status?.ToString() ?? "-"}  {failure.Message}");
        Console.WriteLine($"bundles {summary.Bundles}, uploaded {summary.Uploaded}, resources {summary.Resources}, " +
                          $"errors {summary.Failures.Count}, {summary.Elapsed.TotalSeconds:0.0} s, {summary.ResourcesPerSecond:0} resources/s");
    }
}
