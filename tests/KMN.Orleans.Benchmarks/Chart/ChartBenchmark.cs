using System.Diagnostics;

namespace KMN.Orleans.Benchmarks.Chart;

/// <summary>
/// Issue 6's performance requirement: open the chart of the demo's heaviest patient (ten years of history) in
/// Chromium and time the first meaningful paint (the patient header) and the timeline (its first screen of entries
/// painted), cold and warm. Cold = the silo's activations collected just before (the patient's record grain and
/// everything else idle reactivates and reloads; PostgreSQL's cache and the web's facility-name cache stay warm).
/// Target: p95 &lt; 1 s warm. Printed, never asserted.
/// </summary>
public static class ChartBenchmark
{
    public const string PatientId = "430000000001"; // demo patient index 0: the heaviest

    public static async Task RunAsync(int cold, int warm, int pageSize)
    {
        // A missing browser is an error, not a silent skip: the run must not look complete without its numbers.
        if (!File.Exists(ChartBrowser.Executable))
            throw new InvalidOperationException(
                $"chart: no Chromium at {ChartBrowser.Executable} (apt-get install -y chromium fonts-noto-cjk, or set KMN_CHROMIUM)");
        Console.WriteLine($"chart: load average {LoadAverage()} at the start (other work on this machine skews every number)");
        var clock = Stopwatch.StartNew();
        await using var network = await ChartNetwork.StartAsync();
        var started = clock.Elapsed;
        await network.LoadHistoryAsync([0]);
        var doctor = await ChartDoctor.PickAsync(network.Grains, network.Staff, PatientId);
        Console.WriteLine($"chart: network up in {started.TotalSeconds:0}s, history of patient 0 loaded at {clock.Elapsed.TotalSeconds:0}s");
        Console.WriteLine($"chart: {PatientId} opened by {doctor}");

        try
        {
            await RunBrowserAsync(network, doctor, cold, warm);
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine(network.DescribeWeb());
            throw;
        }
        await RunServerPhasesAsync(network.Grains, doctor, cold, warm, pageSize);
        Console.WriteLine($"chart: load average {LoadAverage()} at the end");
    }

    /// <summary>Opens in Chromium: full page loads and in-app navigations, cold then warm, with a warm-up first.</summary>
    private static async Task RunBrowserAsync(ChartNetwork network, ChartDoctor doctor, int cold, int warm)
    {
        await using var browser = await ChartBrowser.SignInAsync(network.PortalUrl, doctor.Card);
        var path = "/patients/" + PatientId;
        var management = network.Grains.GetGrain<IManagementGrain>(0);
        async Task ColdAsync()
        {
            await browser.LeaveAsync(); // the open chart no longer holds the patient's grains
            await management.ForceActivationCollection(TimeSpan.Zero);
        }

        // Warm-up (the web's and the silo's first JIT of these paths), not counted.
        await browser.LoadAsync(path);
        await browser.LeaveAsync();
        await browser.NavigateAsync(path);

        var loadCold = new ChartOpenStages("page load, cold", pageLoad: true);
        var navCold = new ChartOpenStages("in-app open, cold", pageLoad: false);
        var loadWarm = new ChartOpenStages("page load, warm", pageLoad: true);
        var navWarm = new ChartOpenStages("in-app open, warm", pageLoad: false);
        for (var i = 0; i < cold; i++)
        {
            await ColdAsync();
            loadCold.Add(await browser.LoadAsync(path));
            await ColdAsync();
            navCold.Add(await browser.NavigateAsync(path));
        }
        for (var i = 0; i < warm; i++)
        {
            loadWarm.Add(await browser.LoadAsync(path));
            await browser.LeaveAsync();
            navWarm.Add(await browser.NavigateAsync(path));
        }
        await browser.LeaveAsync();

        Console.WriteLine($"chart of {PatientId}: {navWarm.Items} timeline entries on the first screen; target p95 < 1000 ms warm");
        foreach (var stages in new[] { navWarm, loadWarm, navCold, loadCold })
            stages.Print();
    }

    /// <summary>The read and the mapping alone, in this process; the read also with 1,000-row pages (the portal's before).</summary>
    private static async Task RunServerPhasesAsync(IGrainFactory grains, ChartDoctor doctor, int cold, int warm, int pageSize)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var warmOpen = new ChartServerPhases(grains, doctor, PatientId, pageSize, "warm");
        var smallPages = new ChartServerPhases(grains, doctor, PatientId, 1_000, "warm");
        var coldOpen = new ChartServerPhases(grains, doctor, PatientId, pageSize, "cold");
        await warmOpen.OpenAsync(); // warm-up
        for (var i = 0; i < cold; i++)
        {
            await management.ForceActivationCollection(TimeSpan.Zero);
            await coldOpen.OpenAsync();
        }
        for (var i = 0; i < warm; i++)
        {
            // Interleaved, so both page sizes see the same machine load.
            await warmOpen.OpenAsync();
            await smallPages.OpenAsync();
            await warmOpen.OpenUnchangedAsync();
        }
        Console.WriteLine($"server: {warmOpen.Rows:N0} resources, {warmOpen.JsonChars / 1e6:0.0} M characters of JSON per open; " +
                          $"one mapped chart keeps {await warmOpen.RetainedBytesAsync() / 1e6:0.0} MB alive (the portal caches it per account)");
        foreach (var measurement in new[] { warmOpen.Read, smallPages.Read, warmOpen.Map, warmOpen.Unchanged, coldOpen.Read, coldOpen.Map })
            Console.WriteLine(measurement);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
