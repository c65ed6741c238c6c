using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Chart.Fhir;
using KMN.Orleans.Web.Chart.Labs;

namespace KMN.Orleans.PortalTests.Chart;

/// <summary>The chart model mapped from a small FHIR history of one patient at a hospital, a clinic and a pharmacy.</summary>
public sealed class ChartMapperTests
{
    private readonly PatientChart _chart = ChartFixtures.Yamada();

    [Fact]
    public void Facilities_come_from_organizations_encounters_and_practitioner_roles_with_directory_names()
    {
        string[] expected = ["火の国総合病院", "白川薬局", "阿蘇内科クリニック"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), _chart.Facilities.Select(f => f.Name).Order(StringComparer.Ordinal));
        var rxA = _chart.Prescriptions.Single(p => p.Source.ResourceId == "rx-a1");
        Assert.Equal(ChartFixtures.Hospital, rxA.Prescriber.Code); // requester → PractitionerRole → Organization
        var rxB = _chart.Prescriptions.Single(p => p.Source.ResourceId == "rx-b1");
        Assert.Equal(ChartFixtures.Clinic, rxB.Prescriber.Code);   // via its Encounter's serviceProvider
    }

    [Fact]
    public void The_timeline_is_newest_first_with_one_entry_per_lab_panel()
    {
        var dated = _chart.Timeline.Where(t => t.Date.IsKnown).Select(t => t.Date.SortKey).ToList();
        Assert.Equal(dated.OrderDescending(), dated);
        // The panel's three results are one Lab entry; the clinic's loose HbA1c another.
        var labs = _chart.Timeline.Where(t => t.Category == ChartCategory.Lab && t.Date.Day == new DateOnly(2024, 5, 10)).ToList();
        Assert.Single(labs);
        Assert.Equal("生化学検査", labs[0].Title);
        Assert.Contains(_chart.Timeline, t => t.Category == ChartCategory.Visit && t.Title == "内科外来");
        Assert.Contains(_chart.Timeline, t => t.Category == ChartCategory.Immunization);
    }

    [Fact]
    public void A_malformed_date_is_unknown_not_a_crash()
    {
        var bad = _chart.Timeline.Single(t => t.Source.ResourceId == "obs-bad-date");
        Assert.False(bad.Date.IsKnown);
        Assert.Equal("2024-13-45", bad.Date.Raw);
        Assert.Equal(_chart.Timeline[^1], bad); // unknown dates sort last
    }

    [Fact]
    public void Unparseable_json_is_counted_and_skipped()
    {
        var rows = ChartFixtures.Rows().Append(new ChartResourceRow("Observation", "broken", "{\"resourceType\":")).ToList();
        var chart = ChartMapper.Map(rows, ChartFixtures.Names);
        Assert.Equal(1, chart.Unreadable);
        Assert.Equal(_chart.Timeline.Count, chart.Timeline.Count);
    }

    [Fact]
    public void A_dispense_joins_its_prescription_and_names_the_pharmacy()
    {
        var course = _chart.Prescriptions.Single(p => p.Source.ResourceId == "rx-a1");
        Assert.Equal("アムロジピン錠５ｍｇ", course.Drug);
        Assert.Equal("1錠", course.Dose);
        Assert.Equal("1日1回朝食後", course.Usage);
        Assert.Equal(28, course.DaysSupply);
        Assert.Equal(new DateOnly(2024, 5, 10), course.FirstDay);
        Assert.Equal(new DateOnly(2024, 6, 6), course.LastDay);
        Assert.Equal("白川薬局", course.Pharmacy?.Name);
        Assert.Equal(2, _chart.Prescriptions.Count); // the dispense did not become a third course
    }

    [Fact]
    public void Lab_values_carry_range_flags_and_harmonized_test_keys()
    {
        var hba1c = _chart.Labs.Where(l => l.Test.Name == "HbA1c").ToList();
        Assert.Equal(4, hba1c.Count); // JLAC10 at the hospital and LOINC at the clinic, one with a bad date
        Assert.Single(hba1c.Select(l => l.Test.Id).Distinct());
        Assert.Equal(LabFlag.High, hba1c.Single(l => l.Source.ResourceId == "obs-a-hba1c-1").Flag); // flagged by the facility
        Assert.Equal(LabFlag.High, hba1c.Single(l => l.Source.ResourceId == "obs-b-hba1c-1").Flag); // computed from the range
        Assert.Equal(LabFlag.None, hba1c.Single(l => l.Source.ResourceId == "obs-a-hba1c-0").Flag);
        var potassium = _chart.Labs.Single(l => l.Name == "カリウム");
        Assert.Equal(LabFlag.Low, potassium.Flag);
        Assert.Equal(new ReferenceRange(3.6m, 4.8m, null), potassium.Range);
    }

    [Fact]
    public void Lab_panels_list_their_results()
    {
        var panel = Assert.Single(_chart.LabPanels);
        Assert.Equal("生化学検査", panel.Name);
        Assert.Equal(["HbA1c(NGSP)", "クレアチニン", "カリウム"], panel.Results.Select(r => r.Name));
        Assert.Equal("火の国総合病院", panel.Facility.Name);
    }

    [Fact]
    public void A_radiology_report_has_findings_impression_and_its_image_as_a_data_url()
    {
        var report = Assert.Single(_chart.Radiology);
        Assert.Equal("胸部CT", report.Title);
        Assert.Equal("CT", report.Modality);
        Assert.Equal("両肺野に明らかな異常陰影を認めない。", report.Findings);
        Assert.Equal("胸部に異常所見なし。", report.Conclusion);
        var image = Assert.Single(report.Images);
        Assert.Equal("胸部CT 1/1", image.Title);
        Assert.StartsWith("data:image/png;base64,iVBOR", image.DataUrl);
        Assert.DoesNotContain(_chart.Timeline, t => t.Source.ResourceType == "Media"); // shown with its report
    }

    [Fact]
    public void A_plain_text_document_is_decoded()
    {
        var document = Assert.Single(_chart.Documents);
        Assert.Equal("紹介状（テスト総合病院宛）", document.Title);
        Assert.Equal("診療情報提供書", document.Kind);
        Assert.StartsWith("いつもお世話になっております。", document.Text);
        Assert.Equal("阿蘇内科クリニック", document.Facility.Name);
    }

    [Fact]
    public void Checkups_are_per_year_with_items_judgements_and_overall()
    {
        Assert.Equal([2024, 2023], _chart.Checkups.Select(c => c.Year));
        var latest = _chart.Checkups[0];
        Assert.Equal("C", latest.Overall); // sent full-width (Ｃ)
        Assert.Equal("脂質異常のため医療機関を受診してください。", latest.Comment);
        Assert.Equal(["B", "D"], latest.Items.Select(i => i.Judgement));
        Assert.DoesNotContain(_chart.Labs, l => l.Source.ResourceId.StartsWith("chk-", StringComparison.Ordinal));
    }

    [Fact]
    public void Header_facts_allergies_and_only_active_problems()
    {
        var allergy = Assert.Single(_chart.Allergies);
        Assert.Equal(("ペニシリン", "high"), (allergy.Substance, allergy.Criticality));
        Assert.Equal(["2型糖尿病"], _chart.Problems.Select(p => p.Name));
        Assert.Equal(new ChartPatient("山田 太郎", "ヤマダ タロウ", new DateOnly(1950, 4, 1), "male"), _chart.Patient);
    }

    [Fact]
    public void Visit_days_include_encounters_and_pharmacy_visits()
    {
        Assert.Contains(_chart.Visits, v => v.Day == new DateOnly(2024, 5, 10) && v.Facility.Code == ChartFixtures.Pharmacy);
        Assert.Contains(_chart.Visits, v => v.Day == new DateOnly(2024, 5, 20) && v.Facility.Code == ChartFixtures.Clinic);
    }

    [Fact]
    public void Resources_of_any_shape_never_throw()
    {
        string[] odd =
        [
            "{}", "[]", "null", "{\"code\":5}", "{\"effectiveDateTime\":12}", "{\"valueQuantity\":{\"value\":\"x\"}}",
            "{\"result\":[{\"reference\":\"#contained\"}],\"media\":\"oops\"}", "{\"content\":[{\"attachment\":{\"data\":\"%%%\",\"contentType\":\"text/plain\"}}]}",
        ];
        var types = new[] { "Observation", "DiagnosticReport", "MedicationRequest", "MedicationDispense", "Encounter", "Condition", "DocumentReference", "Media", "Patient" };
        var rows = types.SelectMany(t => odd.Select((json, i) => new ChartResourceRow(t, $"{t}-{i}", json))).ToList();
        var chart = ChartMapper.Map(rows, ChartFixtures.Names);
        Assert.True(chart.Unreadable > 0);
    }
}
