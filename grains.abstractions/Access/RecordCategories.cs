using System.Collections.Frozen;

namespace KMN.Orleans.Grains.Abstractions.Access;

/// <summary>
/// The one mapping from FHIR resources to <see cref="RecordCategory"/>. The reader's SQL is generated from
/// these same tables, so the database and the code can never disagree about a resource's category.
/// A type not listed is a <see cref="RecordCategory.Documents"/>: an unknown kind of record is never "basic".
/// </summary>
public static class RecordCategories
{
    public const RecordCategory Unlisted = RecordCategory.Documents;

    /// <summary>Resource type → category, for types whose category does not depend on the resource.</summary>
    public static FrozenDictionary<string, RecordCategory> ByType { get; } = new Dictionary<string, RecordCategory>
    {
        ["Patient"] = RecordCategory.Basic,
        ["Organization"] = RecordCategory.Basic,
        ["Practitioner"] = RecordCategory.Basic,
        ["PractitionerRole"] = RecordCategory.Basic,
        ["Location"] = RecordCategory.Basic,
        ["RelatedPerson"] = RecordCategory.Basic,
        ["Consent"] = RecordCategory.Basic,
        ["Provenance"] = RecordCategory.Basic,
        ["Condition"] = RecordCategory.Diagnoses,
        ["AllergyIntolerance"] = RecordCategory.Diagnoses,
        ["MedicationRequest"] = RecordCategory.Medications,
        ["MedicationDispense"] = RecordCategory.Medications,
        ["MedicationStatement"] = RecordCategory.Medications,
        ["MedicationAdministration"] = RecordCategory.Medications,
        ["Medication"] = RecordCategory.Medications,
        ["Specimen"] = RecordCategory.LabResults,
        ["ImagingStudy"] = RecordCategory.Imaging,
        ["Media"] = RecordCategory.Imaging,
        ["Immunization"] = RecordCategory.Checkups,
        ["Communication"] = RecordCategory.BulletinBoard,
        ["CommunicationRequest"] = RecordCategory.BulletinBoard,
        ["Flag"] = RecordCategory.BulletinBoard,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Types whose category is decided by the indexed category code (kmn_clinical_resource.category), with the
    /// category used when the code is not listed.
    /// </summary>
    public static FrozenDictionary<string, (RecordCategory Otherwise, FrozenDictionary<string, RecordCategory> ByCode)> ByTypeAndCode { get; } =
        new Dictionary<string, (RecordCategory, FrozenDictionary<string, RecordCategory>)>
        {
            ["Observation"] = (RecordCategory.Checkups, Codes(
                ("laboratory", RecordCategory.LabResults), ("imaging", RecordCategory.Imaging))),
            ["DiagnosticReport"] = (RecordCategory.Documents, Codes(
                ("LAB", RecordCategory.LabResults), ("laboratory", RecordCategory.LabResults),
                ("LP7839-6", RecordCategory.LabResults), ("RAD", RecordCategory.Imaging),
                ("imaging", RecordCategory.Imaging), ("LP29684-5", RecordCategory.Imaging))),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static RecordCategory Of(string resourceType, string? categoryCode)
    {
        if (ByType.TryGetValue(resourceType, out var fixedCategory))
            return fixedCategory;
        if (ByTypeAndCode.TryGetValue(resourceType, out var rule))
            return categoryCode is not null && rule.ByCode.TryGetValue(categoryCode, out var coded) ? coded : rule.Otherwise;
        return Unlisted;
    }

    private static FrozenDictionary<string, RecordCategory> Codes(params (string Code, RecordCategory Category)[] codes) =>
        codes.ToFrozenDictionary(c => c.Code, c => c.Category, StringComparer.Ordinal);
}
