namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// Finds the one patient a bundle is about and the uploading facility's chart number for them: the Patient
/// entry's identifier with the facility's chart system, or a conditional reference on that identifier.
/// </summary>
public static class PatientFinder
{
    public static void Find(PreparedBundle bundle, string facility, ReferenceResolver references)
    {
        var chartSystem = LogicalIds.ChartSystem(facility);
        var patients = bundle.Entries.Where(e => e.Type == "Patient").ToList();
        foreach (var extra in patients.Skip(1))
            extra.Issues.Add(FhirIssue.AtEntry(extra.Index, "business-rule", "1 つのバンドルには 1 人の患者だけを含めてください。", "multiple-patients"));

        if (patients.FirstOrDefault() is { } patient)
        {
            bundle.PatientReference = patient.Reference;
            bundle.PatientChart = patient.Identifiers.FirstOrDefault(i => i.System == chartSystem);
            if (bundle.PatientChart is null)
                patient.Issues.Add(FhirIssue.AtEntry(patient.Index, "required",
                    $"Patient.identifier に自施設のカルテ番号 (system {chartSystem}) がありません。", "chart-number-required"));
            return;
        }
        // No Patient entry: "Patient?identifier=<chart system>|<number>" names an already enrolled patient.
        foreach (var (reference, target) in references.Conditional)
            if (ReferenceResolver.ParseConditional(reference) is ("Patient", var identifier) && identifier.System == chartSystem)
            {
                bundle.PatientReference = target;
                bundle.PatientChart = identifier;
                return;
            }
    }
}
