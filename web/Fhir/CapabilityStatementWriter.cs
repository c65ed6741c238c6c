using System.Text.Json;
using Hl7.Fhir.Model;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// GET /fhir/metadata: what this server really does — read, vread and history of every R4 type, Observation
/// search by patient/code/category/date, Patient $everything, transaction and batch uploads over mutual TLS.
/// </summary>
public static class CapabilityStatementWriter
{
    public static void Write(Utf8JsonWriter w, string baseUrl, DateTimeOffset started)
    {
        w.WriteStartObject();
        w.WriteString("resourceType", "CapabilityStatement");
        w.WriteString("status", "active");
        w.WriteString("date", started.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("publisher", "KMN.Orleans");
        w.WriteString("kind", "instance");
        w.WriteStartObject("software");
        w.WriteString("name", "KMN.Orleans");
        w.WriteEndObject();
        w.WriteStartObject("implementation");
        w.WriteString("description", "地域医療情報ネットワーク FHIR API (施設クライアント証明書による相互 TLS)");
        w.WriteString("url", baseUrl);
        w.WriteEndObject();
        w.WriteString("fhirVersion", "4.0.1");
        w.WriteStartArray("format");
        w.WriteStringValue("application/fhir+json");
        w.WriteEndArray();
        w.WriteStartArray("rest");
        w.WriteStartObject();
        w.WriteString("mode", "server");
        w.WriteStartObject("security");
        w.WriteString("description", "TLS client certificate of a participating facility (SERIALNUMBER = 10-digit facility code), " +
            "issued under the network root CA. Uploads need an active, data-providing facility; reads follow the patient's consent.");
        w.WriteEndObject();
        w.WriteStartArray("resource");
        foreach (var type in ModelInfo.SupportedResources.Order(StringComparer.Ordinal))
            WriteResource(w, type);
        w.WriteEndArray();
        w.WriteStartArray("interaction");
        foreach (var code in new[] { "transaction", "batch" })
        {
            w.WriteStartObject();
            w.WriteString("code", code);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteResource(Utf8JsonWriter w, string type)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("versioning", "versioned");
        w.WriteBoolean("readHistory", true);
        w.WriteString("conditionalCreate", type is "Patient" or "Organization" ? "true" : "false");
        w.WriteStartArray("interaction");
        foreach (var code in new[] { "read", "vread", "history-instance", "create", "update" })
        {
            w.WriteStartObject();
            w.WriteString("code", code);
            w.WriteEndObject();
        }
        if (type == "Observation")
        {
            w.WriteStartObject();
            w.WriteString("code", "search-type");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (type == "Observation")
        {
            w.WriteStartArray("searchParam");
            foreach (var (name, kind) in new[] { ("patient", "reference"), ("code", "token"), ("category", "token"), ("date", "date"), ("_count", "number") })
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("type", kind);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (type == "Patient")
        {
            w.WriteStartArray("operation");
            foreach (var (name, definition) in new[]
                     {
                         ("everything", "http://hl7.org/fhir/OperationDefinition/Patient-everything"),
                         ("link", "urn:kmn:operation:patient-link"),
                         ("unlink", "urn:kmn:operation:patient-unlink"),
                     })
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("definition", definition);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
