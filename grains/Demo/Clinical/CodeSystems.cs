namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>Code system and identifier URIs of the demo history, as JP Core and HL7 R4 name them.</summary>
public static class CodeSystems
{
    // Laboratory and measurements
    public const string Jlac10 = "http://medis.or.jp/CodeSystem/master-JLAC10-17digits";
    public const string Loinc = "http://loinc.org";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string JpObservationCategory = "http://jpfhir.jp/fhir/core/CodeSystem/JP_SimpleObservationCategory_CS";
    public const string Interpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    public const string ReferenceRangeMeaning = "http://terminology.hl7.org/CodeSystem/referencerange-meaning";
    public const string DiagnosticServiceSection = "http://terminology.hl7.org/CodeSystem/v2-0074";

    // Diagnoses
    public const string Icd10 = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full";
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";

    // Medication
    public const string Yj = "http://capstandard.jp/iyaku.info/CodeSystem/YJ-code";
    public const string Hot9 = "http://medis.or.jp/CodeSystem/master-HOT9";
    public const string JamiUsage = "http://jami.jp/CodeSystem/MedicationUsage";
    public const string Merit9Unit = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationUnitMERIT9Code";
    public const string Route = "http://jpfhir.jp/fhir/core/CodeSystem/route-codes";
    public const string MedicationRequestCategory = "http://terminology.hl7.org/CodeSystem/medicationrequest-category";
    public const string DispenseCategory = "http://terminology.hl7.org/CodeSystem/v2-0482";

    // Encounters, consent, people
    public const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public const string RoleCode = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    public const string ParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public const string ConsentScope = "http://terminology.hl7.org/CodeSystem/consentscope";
    public const string NameRepresentation = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation";

    // Imaging
    public const string Dicom = "http://dicom.nema.org/resources/ontology/DCM";
    public const string MediaType = "http://terminology.hl7.org/CodeSystem/media-type";
    public const string Snomed = "http://snomed.info/sct";
    public const string DicomUid = "urn:dicom:uid";
    public const string Rfc3986 = "urn:ietf:rfc:3986";

    /// <summary>10-digit 保険医療機関番号 (the network's facility codes), as JP Core identifies organizations.</summary>
    public const string FacilityNumber = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";
}

/// <summary>
/// The network's own URIs (docs/adr/0010): no JP Core or HL7 code says "健診", carries A–E judgements or marks
/// 未告知, so they live under one base that the portal and the consent rules read.
/// </summary>
public static class KmnFhir
{
    public const string Base = "https://kmn-orleans.example/fhir";

    /// <summary>
    /// Condition extension, valueBoolean true: the diagnosis has not been told to the patient (未告知). The access
    /// decision owns the URL (docs/adr/0008); the demo marks its 未告知 diagnosis with the same one.
    /// </summary>
    public const string UndisclosedToPatient = Abstractions.Access.UndisclosedToPatient.ExtensionUrl;

    /// <summary>Observation category; code <see cref="CheckupCategory"/> marks 健診 results (first category coding).</summary>
    public const string ObservationCategory = Base + "/CodeSystem/observation-category";
    public const string CheckupCategory = "checkup";

    /// <summary>健診 judgements A–E, in Observation.interpretation (items) and valueCodeableConcept (overall).</summary>
    public const string CheckupJudgement = Base + "/CodeSystem/checkup-judgement";

    /// <summary>Codes of 健診 results that have no JLAC10/LOINC code: the overall judgement.</summary>
    public const string CheckupItem = Base + "/CodeSystem/checkup-item";
    public const string OverallJudgementCode = "overall-judgement";
}
