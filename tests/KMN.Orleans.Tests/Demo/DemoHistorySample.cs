using System.Text.Json.Nodes;
using KMN.Orleans.Grains.Demo.Clinical;

namespace KMN.Orleans.Tests.Demo;

/// <summary>The default demo (seed 4300, 200 patients) generated once for all generator tests, with a fixed end date.</summary>
public sealed class DemoHistorySample
{
    public const int Seed = 4300;
    public const int Patients = 200;
    public static readonly DateOnly Until = new(2026, 11, 1);

    private static readonly Lazy<DemoHistorySample> Shared = new(() => new DemoHistorySample());

    private DemoHistorySample()
    {
        Generator = new ClinicalHistoryGenerator(Seed, Until);
        Histories = [.. Generator.Patients(Patients)];
    }

    public static DemoHistorySample Instance => Shared.Value;
    public ClinicalHistoryGenerator Generator { get; }
    public IReadOnlyList<PatientHistory> Histories { get; }

    public static IEnumerable<SentResource> Resources(PatientHistory history)
    {
        var order = 0;
        foreach (var step in history.Steps)
            foreach (var bundle in step.Bundles)
            {
                order++;
                foreach (var entry in JsonNode.Parse(bundle.Json)!["entry"]!.AsArray())
                    yield return new SentResource(step, order, entry!["resource"]!.AsObject(), (string)entry["request"]!["url"]!);
            }
    }

    public IEnumerable<SentResource> Resources(int patient) => Resources(Histories[patient]);

    public IEnumerable<SentResource> Resources(IEnumerable<int> patients) => patients.SelectMany(Resources);
}

/// <summary>One entry as it goes over the wire, with the facility that sends it and the bundle's place in the upload order.</summary>
public sealed record SentResource(UploadStep Step, int BundleOrder, JsonObject Resource, string Url)
{
    public string Type => (string)Resource["resourceType"]!;
    public string Id => (string)Resource["id"]!;
    public string NetworkId => NetworkIds.For(Step.Facility.Code, Type, Id);
}
