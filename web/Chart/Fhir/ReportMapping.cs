using System.Text.Json;
using KMN.Orleans.Web.Chart.Labs;

namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>
/// DiagnosticReports: lab panels (category LAB) and image reports (radiology, endoscopy … with their Media
/// images). Checkup reports are left to <see cref="CheckupMapping"/>. Media and ImagingStudies no report
/// shows still reach the timeline.
/// </summary>
public static class ReportMapping
{
    private const string DicomSystem = "http://dicom.nema.org/resources/ontology/DCM";
    private static readonly HashSet<string> LabCategories = ["LAB", "laboratory", "LP29693-6"];

    public static void Map(MappingContext context)
    {
        foreach (var r in context.Set.OfType("DiagnosticReport"))
        {
            if (r.Root.Text("status") == "entered-in-error" || ObservationValues.IsCheckup(r.Root))
                continue;
            var results = r.Root.Items("result").Select(x => context.Set.Resolve(x.Text("reference")))
                .OfType<ParsedResource>().Where(o => o.Type == "Observation").ToList();
            foreach (var o in results)
                context.Reported.Add(o.Ref.ToString());
            var date = ChartDate.FirstOf([r.Root.Text("effectiveDateTime"), r.Root.Text("effectivePeriod.start"), r.Root.Text("issued")]);
            var title = r.Root.Get("code").ConceptText() ?? r.Root.Get("category").ConceptText() ?? "";
            if (r.Root.Items("category").SelectMany(c => c.Codings()).Any(c => LabCategories.Contains(c.Code)))
                MapPanel(context, r, results, date, title);
            else
                MapImaging(context, r, results, date, title);
        }
        MapUnreportedImages(context);
    }

    private static void MapPanel(MappingContext context, ParsedResource r, List<ParsedResource> results, ChartDate date, string title)
    {
        var labs = results.Select(o => ObservationValues.ToLab(context, o)).ToList();
        context.LabPanels.Add(new LabPanel(title, date, context.FacilityOf(r), labs, r.Ref));
        var flagged = labs.Count(l => l.Flag != LabFlag.None);
        context.AddTimeline(r, date, ChartCategory.Lab, title, flagged > 0 ? $"H/L {flagged}" : null);
    }

    private static void MapImaging(MappingContext context, ParsedResource r, List<ParsedResource> results, ChartDate date, string title)
    {
        var findings = string.Join("\n", results.Select(o => o.Root.Text("valueString")).OfType<string>());
        var images = r.Root.Items("media").Select(m => context.Set.Resolve(m.Text("link.reference")))
            .OfType<ParsedResource>().SelectMany(m => Images(context, m)).ToList();
        images.AddRange(r.Root.Items("presentedForm").Select(a => Attachments.Read(context, a))
            .OfType<Attachments.Content>().Where(c => c.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            .Select(c => ToImage(c, c.Title ?? title, r.Ref)));
        var modality = r.Root.Items("category").SelectMany(c => c.Codings()).Where(c => c.System == DicomSystem)
            .Select(c => c.Code).FirstOrDefault() ?? ModalityOfStudy(context, r.Root);
        context.Radiology.Add(new RadiologyReport(title, modality, date, context.FacilityOf(r),
            findings.Length > 0 ? findings : null, r.Root.Text("conclusion"), images, r.Ref));
        context.AddTimeline(r, date, ChartCategory.Imaging, title, r.Root.Text("conclusion"));
    }

    private static string? ModalityOfStudy(MappingContext context, JsonElement report) =>
        context.Set.Resolve(report.Reference("imagingStudy")) is { } study
            ? study.Root.Text("modality.code") ?? study.Root.Text("series.modality.code")
            : null;

    private static IEnumerable<ChartImage> Images(MappingContext context, ParsedResource media)
    {
        context.ShownMedia.Add(media.Ref.ToString());
        var content = Attachments.Read(context, media.Root.Get("content"));
        if (content is null)
            yield break;
        var title = content.Title ?? media.Root.Get("view").ConceptText() ?? media.Root.Get("bodySite").ConceptText() ?? "";
        yield return ToImage(content, title, media.Ref);
    }

    private static ChartImage ToImage(Attachments.Content content, string title, DetailRef source) =>
        new(title, content.ContentType, Attachments.DataUrl(content), Attachments.TooLarge(content), source);

    private static void MapUnreportedImages(MappingContext context)
    {
        foreach (var media in context.Set.OfType("Media").Where(m => !context.ShownMedia.Contains(m.Ref.ToString())).ToList())
        {
            var date = ChartDate.FirstOf([media.Root.Text("createdDateTime"), media.Root.Text("createdPeriod.start"), media.Root.Text("issued")]);
            var images = Images(context, media).ToList();
            var title = images.FirstOrDefault()?.Title ?? "";
            context.Radiology.Add(new RadiologyReport(title, media.Root.Get("modality").ConceptText(), date,
                context.FacilityOf(media), null, null, images, media.Ref));
            context.AddTimeline(media, date, ChartCategory.Imaging, title);
        }
        var studied = context.Set.OfType("DiagnosticReport").Select(r => r.Root.Reference("imagingStudy")).OfType<string>()
            .Select(s => context.Set.Resolve(s)?.Ref.ToString()).ToHashSet();
        foreach (var study in context.Set.OfType("ImagingStudy").Where(s => !studied.Contains(s.Ref.ToString())))
        {
            var title = study.Root.Text("description") ?? study.Root.Text("modality.code") ?? "";
            context.AddTimeline(study, ChartDate.Parse(study.Root.Text("started")), ChartCategory.Imaging, title);
        }
    }
}
