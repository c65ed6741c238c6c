namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>DocumentReferences (紹介状, サマリー …): title, kind, and the first attachment as text or a data: URL.</summary>
public static class DocumentMapping
{
    public static void Map(MappingContext context)
    {
        foreach (var r in context.Set.OfType("DocumentReference"))
        {
            if (r.Root.Text("status") == "entered-in-error")
                continue;
            var content = Attachments.Read(context, r.Root.Get("content.attachment"));
            var kind = r.Root.Get("type").ConceptText() ?? r.Root.Get("category").ConceptText();
            var title = r.Root.Text("description") ?? content?.Title ?? kind ?? "";
            var date = ChartDate.FirstOf([r.Root.Text("date"), r.Root.Text("context.period.start"), r.Root.Text("content.attachment.creation")]);
            context.Documents.Add(new ClinicalDocument(title, kind, date, context.FacilityOf(r), content?.ContentType,
                content is null ? null : Attachments.Text(content), content is null ? null : Attachments.DataUrl(content), r.Ref));
            context.AddTimeline(r, date, ChartCategory.Document, title, kind == title ? null : kind);
        }
    }
}
