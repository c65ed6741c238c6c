using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>The ImagingStudy of a chest X-ray: one DX series with one instance, with stable DICOM UIDs.</summary>
public static class ImagingStudyResource
{
    public static ResourceKey Add(FacilityRecord record, string id, DateTimeOffset at, ResourceKey encounter)
    {
        var patient = record.PatientKey;
        return record.Add("ImagingStudy", id, at, w =>
        {
            var json = w.Json;
            w.Start("ImagingStudy", id);
            json.WriteStartArray("identifier");
            json.WriteStartObject();
            json.WriteString("system", CodeSystems.DicomUid);
            json.WriteString("value", "urn:oid:" + DicomUid(record.Facility.Code, id, "study"));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("status", "available");
            json.WriteStartArray("modality");
            w.Coding(CodeSystems.Dicom, "DX", "Digital Radiography");
            json.WriteEndArray();
            w.Reference("subject", patient);
            w.Reference("encounter", encounter);
            w.DateTime("started", at);
            json.WriteNumber("numberOfSeries", 1);
            json.WriteNumber("numberOfInstances", 1);
            json.WriteString("description", "胸部単純X線撮影");
            json.WriteStartArray("series");
            json.WriteStartObject();
            json.WriteString("uid", DicomUid(record.Facility.Code, id, "series"));
            json.WriteNumber("number", 1);
            json.WriteStartObject("modality");
            json.WriteString("system", CodeSystems.Dicom);
            json.WriteString("code", "DX");
            json.WriteEndObject();
            json.WriteString("description", "胸部正面 (PA)");
            json.WriteNumber("numberOfInstances", 1);
            json.WriteStartObject("bodySite");
            json.WriteString("system", CodeSystems.Snomed);
            json.WriteString("code", "51185008");
            json.WriteString("display", "Thoracic structure");
            json.WriteEndObject();
            json.WriteStartArray("instance");
            json.WriteStartObject();
            json.WriteString("uid", DicomUid(record.Facility.Code, id, "instance"));
            json.WriteStartObject("sopClass");
            json.WriteString("system", CodeSystems.Rfc3986);
            json.WriteString("code", "urn:oid:1.2.840.10008.5.1.4.1.1.1.1");
            json.WriteEndObject();
            json.WriteNumber("number", 1);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            w.End();
        });
    }

    /// <summary>A DICOM UID under the UUID arc 2.25, fixed for a facility, study id and part.</summary>
    private static string DicomUid(string facility, string id, string part)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{facility}|{id}|{part}"));
        return "2.25." + new BigInteger(hash.AsSpan(0, 16), isUnsigned: true);
    }
}
