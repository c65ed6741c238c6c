using System.Text.Json.Nodes;
using KMN.Orleans.Grains.Demo.Clinical;

namespace KMN.Orleans.Tests.Demo;

public sealed class GeneratorDeterminismTests
{
    private static DemoHistorySample Sample => DemoHistorySample.Instance;

    [Fact]
    public void The_same_seed_and_end_date_give_byte_identical_bundles()
    {
        var again = new ClinicalHistoryGenerator(DemoHistorySample.Seed, DemoHistorySample.Until);
        foreach (var i in new[] { 0, 1, 2, 3, 17, 42, 199 })
        {
            var (first, second) = (Sample.Histories[i], again.Patient(i));
            Assert.Equal(first.Steps.Select(s => s.Facility.Code), second.Steps.Select(s => s.Facility.Code));
            Assert.All(first.Steps.Zip(second.Steps), pair => Assert.Equal(
                pair.First.Bundles.Select(b => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(b.Json))),
                pair.Second.Bundles.Select(b => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(b.Json)))));
        }
    }

    [Fact]
    public void Random_streams_are_the_same_in_every_process()
    {
        // HashCode.Combine would differ per process; these numbers must never change.
        Assert.Equal(1_496_076_768, DemoRandom.Mix(4300, 7, 1));
        Assert.Equal(354_670_213, DemoRandom.For(4300, 0, 2).Next());
    }

    [Fact]
    public void A_later_end_date_only_adds_to_the_history()
    {
        var earlier = new ClinicalHistoryGenerator(DemoHistorySample.Seed, DemoHistorySample.Until.AddYears(-1));
        foreach (var i in new[] { 0, 3, 17, 42 })
        {
            var before = DemoHistorySample.Resources(earlier.Patient(i)).DistinctBy(Key).ToDictionary(Key);
            var after = Sample.Resources(i).DistinctBy(Key).ToDictionary(Key);
            Assert.True(after.Keys.ToHashSet().IsSupersetOf(before.Keys), $"patient {i} lost resources");
            // Results do not move when the history grows: the same lab value on the same day.
            Assert.All(before.Where(p => (string?)p.Value.Resource["resourceType"] == "Observation"),
                p => Assert.True(JsonNode.DeepEquals(p.Value.Resource, after[p.Key].Resource), p.Key));
        }
    }

    private static string Key(SentResource r) => $"{r.Step.Facility.Code}/{r.Url}";

    [Fact]
    public void Chart_numbers_follow_the_demo_network()
    {
        foreach (var history in Sample.Histories)
            foreach (var chart in history.Profile.ChartNumbers)
                Assert.Equal(chart.Number, CareSites.ChartNumberFor(history.Plan.Index,
                    Sample.Generator.Facilities.Single(f => f.Code == chart.FacilityCode), Sample.Generator.Facilities));
    }

    [Fact]
    public void Most_demo_patients_have_a_history()
    {
        // How long generation takes is the benchmark's business (never a timed unit test).
        Assert.InRange(Sample.Histories.Count(h => h.Steps.Count > 0), 150, 200);
    }
}
