using System.Text.Json.Nodes;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Demo.Clinical;

namespace KMN.Orleans.Tests.Demo;

/// <summary>The patients the portal needs: the ten-year benchmark patient, the duplicate prescriptions, consents, checkups.</summary>
public sealed class SpecialPatientTests
{
    private static DemoHistorySample Sample => DemoHistorySample.Instance;

    [Fact]
    public void The_heaviest_patient_has_ten_years_and_thousands_of_lab_values()
    {
        var heaviest = Sample.Histories[ClinicalHistoryGenerator.HeaviestPatient];
        Assert.Equal(PatientRole.Heaviest, heaviest.Plan.Role);
        Assert.Equal("430000000001", heaviest.Profile.NetworkPatientId);
        var dates = DemoHistorySample.Resources(heaviest).Where(s => s.Type == "Observation")
            .Select(s => DateTimeOffset.Parse((string)s.Resource["effectiveDateTime"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(dates.Max() - dates.Min() >= TimeSpan.FromDays(3652), $"{dates.Min():yyyy-MM-dd} .. {dates.Max():yyyy-MM-dd}");
        Assert.True(heaviest.Measurements >= 2_000, $"{heaviest.Measurements} lab and vital values");
        Assert.Equal(Sample.Histories.Max(h => h.Resources), heaviest.Resources);
        Assert.Equal(NetworkIds.For(heaviest.Plan.Enrolling!.Facility.Code, "Patient", "pt-" + heaviest.Plan.Enrolling.Chart.Number),
            heaviest.PatientResourceId);
        Assert.All(heaviest.Steps.SelectMany(s => s.Bundles), b => Assert.InRange(b.Resources.Count, 2, BundleWriter.MaxEntries * 2));
    }

    [Fact]
    public void Two_facilities_prescribe_the_same_drug_for_overlapping_days_in_the_last_three_months()
    {
        var requests = Sample.Resources(ClinicalHistoryGenerator.DuplicatePrescriptionPatient)
            .Where(s => s.Type == "MedicationRequest")
            .Select(s => (Facility: s.Step.Facility.Code, Drug: (string)s.Resource["medicationCodeableConcept"]!["coding"]![0]!["code"]!,
                Start: DateOnly.FromDateTime(DateTimeOffset.Parse((string)s.Resource["authoredOn"]!, System.Globalization.CultureInfo.InvariantCulture).DateTime),
                Days: (int)s.Resource["dispenseRequest"]!["expectedSupplyDuration"]!["value"]!))
            .ToList();
        var recent = DemoHistorySample.Until.AddDays(-90);
        var overlaps = from a in requests
                       from b in requests
                       where string.CompareOrdinal(a.Facility, b.Facility) < 0 && a.Drug == b.Drug
                             && a.Start <= b.Start.AddDays(b.Days - 1) && b.Start <= a.Start.AddDays(a.Days - 1)
                             && a.Start >= recent
                       select (a, b);
        Assert.NotEmpty(overlaps);
    }

    [Fact]
    public void Consents_are_registered_first_with_varied_signers_and_scopes()
    {
        var withHistory = Sample.Histories.Where(h => h.Steps.Count > 0).ToList();
        Assert.All(withHistory, h =>
        {
            Assert.Null(h.Steps[0].LinkTo);
            Assert.All(h.Steps.Skip(1), s => Assert.Equal(h.PatientResourceId, s.LinkTo));
            Assert.Contains("\"resourceType\":\"Consent\"", System.Text.Encoding.UTF8.GetString(h.Steps[0].Bundles[0].Json));
            Assert.True(h.Steps.SkipWhile(s => s.Facility.Kind != FacilityKind.Pharmacy).All(s => s.Facility.Kind == FacilityKind.Pharmacy));
        });
        var consents = withHistory.Select(h => h.Plan.Consent).ToList();
        Assert.Contains(consents, c => c.Proxy is { Relationship.Length: > 0, Family.Length: > 0 });
        Assert.Contains(consents, c => c.Proxy is null);
        Assert.Contains(consents, c => c.AllFacilities);
        Assert.Contains(consents, c => !c.AllFacilities);
        var proxy = Sample.Resources(ClinicalHistoryGenerator.UndisclosedDiagnosisPatient).Single(s => s.Type == "RelatedPerson").Resource;
        Assert.Equal("長男", (string?)proxy["relationship"]![0]!["text"]);
    }

    [Fact]
    public void Checkups_have_judged_items_and_an_overall_judgement_over_at_least_three_years()
    {
        var checkup = Sample.Resources(Enumerable.Range(0, 40))
            .Where(s => s.Type == "Observation" && (string?)s.Resource["category"]![0]!["coding"]![0]!["code"] == KmnFhir.CheckupCategory)
            .ToList();
        var overall = checkup.Where(s => (string?)s.Resource["code"]!["coding"]![0]!["code"] == KmnFhir.OverallJudgementCode).ToList();
        Assert.NotEmpty(overall);
        Assert.All(overall, o =>
        {
            Assert.Contains((string)o.Resource["valueCodeableConcept"]!["coding"]![0]!["code"]!, new[] { "A", "B", "C", "D", "E" });
            Assert.Equal(LabTests.Checkup.Count, o.Resource["hasMember"]!.AsArray().Count);
        });
        Assert.Contains(checkup, s => (string?)s.Resource["interpretation"]?[0]?["coding"]?[0]?["system"] == KmnFhir.CheckupJudgement);
        var years = overall.GroupBy(o => o.Step.Chart).Max(g => g.Count());
        Assert.True(years >= 3, $"at most {years} checkup years for one patient");
    }

    [Fact]
    public void The_radiology_report_shows_a_png_through_media_and_the_discharge_summary_is_text()
    {
        var sent = Sample.Resources(ClinicalHistoryGenerator.HeaviestPatient).ToList();
        var report = sent.Single(s => s.Type == "DiagnosticReport" && (string?)s.Resource["category"]![0]!["coding"]![0]!["code"] == "RAD");
        Assert.Contains("【所見】", (string)report.Resource["conclusion"]!);
        Assert.NotEmpty(report.Resource["imagingStudy"]!.AsArray());
        var media = sent.Single(s => s.Type == "Media").Resource;
        var binary = sent.Single(s => s.Type == "Binary");
        Assert.Equal("Binary/" + binary.NetworkId, (string?)media["content"]!["url"]);
        var png = Convert.FromBase64String((string)binary.Resource["data"]!);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(256, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.True(png.Length < 64 * 1024, $"{png.Length} bytes");
        var summary = sent.Single(s => s.Type == "DocumentReference").Resource["content"]![0]!["attachment"]!;
        Assert.StartsWith("text/plain", (string)summary["contentType"]!);
        Assert.StartsWith("退院時サマリー", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)summary["data"]!)));
    }

    [Fact]
    public void Every_reference_points_into_its_bundle_or_at_something_uploaded_before_it()
    {
        foreach (var history in Sample.Histories.Take(40))
        {
            var sent = DemoHistorySample.Resources(history).ToList();
            var firstSent = new Dictionary<string, int>();
            foreach (var s in sent)
                firstSent.TryAdd($"{s.Type}/{s.NetworkId}", s.BundleOrder);
            foreach (var group in sent.GroupBy(s => s.BundleOrder))
            {
                var inBundle = group.Select(s => $"{s.Type}/{s.Id}").ToHashSet();
                foreach (var reference in group.SelectMany(s => References(s.Resource)))
                    Assert.True(inBundle.Contains(reference) || (firstSent.TryGetValue(reference, out var order) && order < group.Key),
                        $"patient {history.Plan.Index} bundle {group.Key}: {reference} does not resolve");
            }
        }
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "reference" && p.Value is JsonValue v ? [v.GetValue<string>()] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };
}
