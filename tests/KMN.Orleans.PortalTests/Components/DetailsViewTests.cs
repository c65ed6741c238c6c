using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Components.Chart;

namespace KMN.Orleans.PortalTests.Components;

public sealed class DetailsViewTests : PortalContext
{
    [Fact]
    public void Radiology_report_text_and_image_thumbnail_open_full_size()
    {
        var cut = Render<DetailsView>(p => p.Add(c => c.Chart, ChartFixtures.Yamada()));
        var report = cut.Find("[data-testid=radiology-report]");
        Assert.Contains("両肺野に明らかな異常陰影を認めない。", report.TextContent);
        Assert.Contains("胸部に異常所見なし。", report.TextContent);
        Assert.StartsWith("data:image/png;base64,", cut.Find("[data-testid=radiology-thumb] img").GetAttribute("src"));

        cut.Find("[data-testid=radiology-thumb]").Click();
        Assert.StartsWith("data:image/png;base64,", cut.Find("[data-testid=radiology-full] img").GetAttribute("src"));
        cut.Find("[data-testid=radiology-full]").Click();
        Assert.Empty(cut.FindAll("[data-testid=radiology-full]"));
    }

    [Fact]
    public void Lab_panels_documents_and_prescriptions_are_listed()
    {
        var cut = Render<DetailsView>(p => p.Add(c => c.Chart, ChartFixtures.Yamada()));
        Assert.Contains("クレアチニン", cut.Find("[data-testid=lab-panel]").TextContent);
        Assert.Contains("血糖コントロールについてご相談です。", cut.Find("[data-testid=document]").TextContent);
        var rows = cut.FindAll("[data-testid=prescription]");
        Assert.Equal(2, rows.Count);
        var hospital = rows.Single(r => r.TextContent.Contains("火の国総合病院"));
        Assert.Contains("白川薬局", hospital.TextContent);
        Assert.Contains("28日分", hospital.TextContent);
        Assert.Contains("1日1回朝食後", hospital.TextContent);
    }

    [Fact]
    public void The_selected_record_is_shown_first()
    {
        var cut = Render<DetailsView>(p => p.Add(c => c.Chart, ChartFixtures.Yamada())
            .Add(c => c.Selected, new DetailRef("Observation", "obs-a-k-low")));
        var selected = cut.Find("[data-testid=detail-selected]");
        Assert.Contains("カリウム", selected.TextContent);
        Assert.Contains("L（低値）", selected.TextContent);
        Assert.Contains("3.6–4.8", selected.TextContent);
    }
}
