namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// One problem for an OperationOutcome. <see cref="Code"/> is the FHIR IssueType; <see cref="Detail"/> our own
/// machine-readable code (e.g. consent-required); <see cref="Expression"/> where, e.g. Bundle.entry[3].
/// </summary>
public sealed record FhirIssue(string Code, string Message, string? Expression = null, string? Detail = null,
    string Severity = "error")
{
    public static FhirIssue AtEntry(int index, string code, string message, string? detail = null) =>
        new(code, $"entry[{index}]: {message}", $"Bundle.entry[{index}]", detail);
}
