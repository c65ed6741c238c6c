using System.Diagnostics;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Demo;

namespace KMN.Orleans.Benchmarks;

/// <summary>
/// The access decision for a warm patient and warm facilities (one patient grain call that asks the caller's
/// and the sources' facility grains), next to a bare Orleans call on the same cluster (a warm facility grain's
/// GetProfile). Prints p50/p99 latency, throughput at parallelism 16, and the ratio. Target p99 &lt; 1 ms.
/// </summary>
public static class AccessDecisionBenchmark
{
    private const int Parallelism = 16;

    public static async Task RunAsync(BenchCluster cluster, int samples = 20_000)
    {
        var generator = new DemoNetworkGenerator(4300);
        var facilities = generator.Facilities();
        await Task.WhenAll(facilities.Select(f => cluster.Grains.GetGrain<IFacilityGrain>(f.Code).RegisterAsync(f)));
        var hospitals = facilities.Where(f => f.Kind == FacilityKind.Hospital).ToList();
        var (caller, sources) = (hospitals[0], hospitals.Skip(1).Take(2).ToList());

        // A patient with records from two other hospitals (empty uploads carry the facility and the consent).
        var ingest = cluster.Grains.GetGrain<IClinicalIngestGrain>(0);
        string? patient = null;
        foreach (var source in sources)
        {
            var grant = new ConsentGrant(new DateOnly(2026, 4, 1), ConsentSigner.Self, true, [], source.Code, null);
            var chart = new BusinessIdentifier("urn:kmn:bench-chart:" + source.Code, "B-1");
            if (patient is not null) // the second hospital's chart number names the same network patient
                await ingest.LinkChartAsync(new ChartLink(source.Code, chart, patient, "bench", "bench"));
            var upload = await ingest.UploadAsync(new UploadRequest(Guid.NewGuid(), source.Code, chart, [], [grant]));
            patient ??= upload.NetworkPatientId;
        }
        var record = cluster.Grains.GetGrain<IPatientRecordGrain>(patient!);
        var physician = new AccessCaller(caller.Code, caller.Code + "-01", StaffRole.Physician, "ベンチ 医師");
        var facility = cluster.Grains.GetGrain<IFacilityGrain>(caller.Code);
        var decision = await record.DecideAccessAsync(physician);
        Console.WriteLine($"access decision: basis={decision.Basis}, sources={decision.Sources.Length}, categories={decision.AllowedCategories.Length}");

        // Latency samples alternate between the two calls, so both see the same machine (other load, GC).
        var (bare, decide) = (new Measurement("bare call (facility GetProfile)"), new Measurement("access decision (warm patient)"));
        for (var i = 0; i < 1000; i++)
            await Task.WhenAll(facility.GetProfileAsync(), record.DecideAccessAsync(physician)); // warm-up: JIT, activations
        for (var i = 0; i < samples; i++)
        {
            await bare.TimeAsync(() => facility.GetProfileAsync());
            await decide.TimeAsync(() => record.DecideAccessAsync(physician));
        }
        var bareRate = await ThroughputAsync(samples, () => facility.GetProfileAsync());
        var decideRate = await ThroughputAsync(samples, () => record.DecideAccessAsync(physician));
        Console.WriteLine(bare);
        Console.WriteLine(decide);
        Console.WriteLine($"throughput at parallelism {Parallelism}: bare {bareRate:N0}/s, decision {decideRate:N0}/s");
        Console.WriteLine($"ratio decision/bare: p50 {decide.Percentile(50) / bare.Percentile(50):F2}  " +
                          $"p99 {decide.Percentile(99) / bare.Percentile(99):F2}  " +
                          $"throughput {bareRate / decideRate:F2}   (target: decision p99 < 1 ms)");
    }

    private static async Task<double> ThroughputAsync<T>(int calls, Func<Task<T>> call)
    {
        var watch = Stopwatch.StartNew();
        var remaining = calls;
        await Task.WhenAll(Enumerable.Range(0, Parallelism).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
                await call();
        }));
        return calls / watch.Elapsed.TotalSeconds;
    }
}
