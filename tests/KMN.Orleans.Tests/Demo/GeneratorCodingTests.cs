using System.Text.Json.Nodes;
using KMN.Orleans.Grains.Demo.Clinical;

namespace KMN.Orleans.Tests.Demo;

/// <summary>The codes the portal and the lab trends rely on are in every resource of the first 60 demo patients.</summary>
public sealed class GeneratorCodingTests
{
    private static readonly List<SentResource> Sent = [.. DemoHistorySample.Instance.Resources(Enumerable.Range(0, 60))];

    private static IEnumerable<JsonObject> OfType(string type) => Sent.Where(s => s.Type == type).Select(s => s.Resource);

    private static string? Code(JsonNode? concept, int coding = 0) => (string?)concept?["coding"]?[coding]?["code"];

    private static string? SystemOf(JsonNode? concept, int coding = 0) => (string?)concept?["coding"]?[coding]?["system"];

    [Fact]
    public void Lab_results_carry_jlac10_then_loinc_ucum_a_reference_range_and_H_or_L_when_outside_it()
    {
        var labs = OfType("Observation").Where(o => Code(o["category"]![0]) == "laboratory").ToList();
        Assert.True(labs.Count > 5_000, $"{labs.Count} lab results");
        Assert.All(labs, o =>
        {
            Assert.Equal(CodeSystems.Jlac10, SystemOf(o["code"]));
            Assert.Equal(17, Code(o["code"])!.Length);
            Assert.Equal(CodeSystems.Loinc, SystemOf(o["code"], 1));
            Assert.Equal(CodeSystems.Ucum, (string?)o["valueQuantity"]!["system"]);
            var value = (decimal)o["valueQuantity"]!["value"]!;
            var range = o["referenceRange"]![0]!;
            var (low, high) = ((decimal?)range["low"]?["value"], (decimal?)range["high"]?["value"]);
            Assert.True(low is not null || high is not null);
            var expected = value < low ? "L" : value > high ? "H" : null;
            Assert.Equal(expected, Code(o["interpretation"]?[0]));
        });
        var tests = labs.Select(o => Code(o["code"], 1)).ToHashSet();
        Assert.True(tests.IsSupersetOf(LabTests.Panel.Select(t => t.Loinc)), string.Join(", ", tests));
        Assert.Contains(labs, o => Code(o["interpretation"]?[0]) == "H");
        Assert.Contains(labs, o => Code(o["interpretation"]?[0]) == "L");
    }

    [Fact]
    public void Vitals_and_lab_reports_are_coded_and_reports_list_their_results()
    {
        Assert.Contains(OfType("Observation"), o => Code(o["category"]![0]) == "vital-signs" && Code(o["code"], 1) == "8480-6");
        var reports = OfType("DiagnosticReport").Where(r => Code(r["category"]![0]) == "LAB").ToList();
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.NotEmpty(r["result"]!.AsArray()));
    }

    [Fact]
    public void Prescriptions_and_dispensing_carry_drug_codes_usage_days_and_the_prescription_filled()
    {
        var requests = OfType("MedicationRequest").ToList();
        Assert.All(requests, r =>
        {
            Assert.Contains(SystemOf(r["medicationCodeableConcept"]), new[] { CodeSystems.Yj, CodeSystems.Hot9 });
            Assert.Equal(CodeSystems.JamiUsage, SystemOf(r["dosageInstruction"]![0]!["timing"]!["code"]));
            Assert.Equal("d", (string?)r["dispenseRequest"]!["expectedSupplyDuration"]!["code"]);
            Assert.NotNull((string?)r["requester"]!["display"]);
        });
        Assert.Contains(requests, r => Code(r["dosageInstruction"]![0]!["timing"]!["code"]) == "1012040400000000");
        var requestIds = Sent.Where(s => s.Type == "MedicationRequest").Select(s => "MedicationRequest/" + s.NetworkId).ToHashSet();
        var dispenses = OfType("MedicationDispense").ToList();
        Assert.NotEmpty(dispenses);
        Assert.All(dispenses, d =>
        {
            Assert.NotNull((string?)d["whenHandedOver"]);
            Assert.Equal("d", (string?)d["daysSupply"]!["code"]);
            Assert.Contains((string)d["authorizingPrescription"]![0]!["reference"]!, requestIds);
        });
    }

    [Fact]
    public void Diagnoses_are_icd10_with_japanese_names_and_onset()
    {
        var conditions = OfType("Condition").ToList();
        Assert.All(conditions, c =>
        {
            Assert.Equal(CodeSystems.Icd10, SystemOf(c["code"]));
            Assert.NotNull((string?)c["onsetDateTime"]);
        });
        var names = conditions.Select(c => (string)c["code"]!["text"]!).ToHashSet();
        Assert.True(names.IsSupersetOf(["2型糖尿病", "高血圧症", "脂質異常症", "慢性腎臓病 ステージG3"]), string.Join(", ", names));
    }

    [Fact]
    public void Exactly_one_diagnosis_is_marked_undisclosed()
    {
        // Only bundles that mention the extension are parsed: the whole demo is too big to parse for one check.
        var marker = System.Text.Encoding.UTF8.GetBytes(KmnFhir.UndisclosedToPatient);
        var undisclosed = DemoHistorySample.Instance.Histories
            .Where(h => h.Steps.SelectMany(s => s.Bundles).Any(b => b.Json.AsSpan().IndexOf(marker) >= 0))
            .SelectMany(DemoHistorySample.Resources)
            .Where(s => s.Type == "Condition" && s.Resource["extension"]?[0]?["url"]?.GetValue<string>() == KmnFhir.UndisclosedToPatient)
            .ToList();
        var only = Assert.Single(undisclosed);
        Assert.Equal("p2-u-dx", only.Id);
        Assert.True((bool)only.Resource["extension"]![0]!["valueBoolean"]!);
    }

    [Fact]
    public void Encounters_are_outpatient_inpatient_and_home_visits()
    {
        var classes = OfType("Encounter").Select(e => (string)e["class"]!["code"]!).ToHashSet();
        Assert.True(classes.IsSupersetOf(["AMB", "IMP"]), string.Join(", ", classes));
    }
}
