using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>A visit's blood tests (Observations + their DiagnosticReport) and vital signs, from one body sample.</summary>
public static class LabPanel
{
    public static void AddLabs(FacilityRecord record, string id, DateTimeOffset drawn, ResourceKey encounter,
        IReadOnlyDictionary<LabTest, decimal> sample, IEnumerable<LabTest> tests, Sex sex)
    {
        var results = tests
            .Select(t => ObservationResource.Add(record, $"{id}-{t.Key}", t, sample[t], sex, drawn, encounter, ObservationKind.Laboratory))
            .ToList();
        if (results.Count > 0)
            LabReportResource.Add(record, id + "-lab", drawn, encounter, results);
    }

    public static void AddVitals(FacilityRecord record, string id, DateTimeOffset at, ResourceKey encounter,
        IReadOnlyDictionary<LabTest, decimal> sample, Sex sex, bool weight)
    {
        ObservationResource.Add(record, $"{id}-sbp", LabTests.Systolic, sample[LabTests.Systolic], sex, at, encounter, ObservationKind.Vital);
        ObservationResource.Add(record, $"{id}-dbp", LabTests.Diastolic, sample[LabTests.Diastolic], sex, at, encounter, ObservationKind.Vital);
        if (weight)
            ObservationResource.Add(record, $"{id}-weight", LabTests.Weight, sample[LabTests.Weight], sex, at, encounter, ObservationKind.Vital);
    }

    /// <summary>The tests a doctor orders for the diseases being followed; the whole panel when asked.</summary>
    public static IEnumerable<LabTest> For(PatientBody body, bool full)
    {
        if (full)
            return LabTests.Panel;
        var tests = new HashSet<LabTest>();
        if (body.Has(Diagnoses.Diabetes))
            tests.UnionWith([LabTests.HbA1c, LabTests.Creatinine, LabTests.Egfr, LabTests.Ast, LabTests.Alt]);
        if (body.Has(Diagnoses.Dyslipidemia))
            tests.UnionWith([LabTests.Ldl, LabTests.Hdl, LabTests.Triglycerides, LabTests.Ast, LabTests.Alt, LabTests.Ggt]);
        if (body.Has(Diagnoses.Ckd))
            tests.UnionWith([LabTests.Creatinine, LabTests.Egfr, LabTests.Hemoglobin]);
        if (body.Has(Diagnoses.Hypertension))
            tests.UnionWith([LabTests.Creatinine, LabTests.Egfr]);
        return LabTests.Panel.Where(tests.Contains);
    }
}
