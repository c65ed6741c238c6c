namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// A chest X-ray: the ImagingStudy, the picture as a Binary (PNG) shown through a Media, and the radiology
/// DiagnosticReport (category RAD, 読影所見 in Japanese) that points at both.
/// </summary>
public static class RadiologyResources
{
    public static ResourceKey Add(FacilityRecord record, string id, DateTimeOffset at, ResourceKey encounter,
        byte[] png, string findings, string conclusion, string radiologist)
    {
        var patient = record.PatientKey;
        var study = ImagingStudyResource.Add(record, id + "-study", at, encounter);
        var binary = record.Add("Binary", id + "-image", at, w =>
        {
            w.Start("Binary", id + "-image");
            w.String("contentType", "image/png");
            w.Reference("securityContext", patient);
            w.Json.WriteBase64String("data", png);
            w.End();
        });
        var media = AddMedia(record, id + "-media", at, encounter, study, binary, png.Length);
        return record.Add("DiagnosticReport", id, at, w =>
        {
            var json = w.Json;
            w.Start("DiagnosticReport", id);
            json.WriteString("status", "final");
            json.WriteStartArray("category");
            w.Concept(null, CodeSystems.DiagnosticServiceSection, "RAD", "Radiology");
            w.Concept(null, CodeSystems.Loinc, "LP29684-5", "放射線");
            json.WriteEndArray();
            w.Concept("code", CodeSystems.Loinc, "18748-4", "Diagnostic imaging study", "胸部単純X線 読影レポート");
            w.Reference("subject", patient);
            w.Reference("encounter", encounter);
            w.DateTime("effectiveDateTime", at);
            w.DateTime("issued", at.AddHours(3));
            json.WriteStartArray("resultsInterpreter");
            w.Display(null, radiologist);
            json.WriteEndArray();
            json.WriteStartArray("imagingStudy");
            w.Reference(null, study);
            json.WriteEndArray();
            json.WriteStartArray("media");
            json.WriteStartObject();
            json.WriteString("comment", "胸部正面像");
            w.Reference("link", media);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("conclusion", $"【所見】{findings}【診断】{conclusion}");
            w.End();
        });
    }

    private static ResourceKey AddMedia(FacilityRecord record, string id, DateTimeOffset at, ResourceKey encounter,
        ResourceKey study, ResourceKey binary, int size)
    {
        var patient = record.PatientKey;
        return record.Add("Media", id, at, w =>
        {
            var json = w.Json;
            w.Start("Media", id);
            json.WriteStartArray("partOf");
            w.Reference(null, study);
            json.WriteEndArray();
            json.WriteString("status", "completed");
            w.Concept("type", CodeSystems.MediaType, "image", "Image");
            w.Concept("modality", CodeSystems.Dicom, "DX", "Digital Radiography");
            w.Reference("subject", patient);
            w.Reference("encounter", encounter);
            w.DateTime("createdDateTime", at);
            json.WriteNumber("height", ChestRadiograph.Size);
            json.WriteNumber("width", ChestRadiograph.Size);
            json.WriteStartObject("content");
            json.WriteString("contentType", "image/png");
            // Attachment.url is not a Reference, so it names the Binary by its network id (see NetworkIds).
            json.WriteString("url", "Binary/" + NetworkIds.For(binary));
            json.WriteNumber("size", size);
            json.WriteString("title", "胸部X線 正面");
            w.DateTime("creation", at);
            json.WriteEndObject();
            w.End();
        });
    }
}
