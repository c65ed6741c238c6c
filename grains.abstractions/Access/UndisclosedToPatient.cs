namespace KMN.Orleans.Grains.Abstractions.Access;

/// <summary>
/// How a facility marks a diagnosis it has not told the patient (未告知): an extension on the uploaded
/// resource (usually a Condition) with this URL, valueBoolean true. Such a resource is shown to the facility
/// that uploaded it and, if that facility allows it, to physicians and dentists elsewhere; never to the patient.
/// </summary>
public static class UndisclosedToPatient
{
    public const string ExtensionUrl = "https://kmn-orleans.example/fhir/StructureDefinition/undisclosed-to-patient";
}
