using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Components.Chart;
using KMN.Orleans.Web.Services.Chart;

namespace KMN.Orleans.PortalTests.Components;

public sealed class HeaderAndHiddenTests : PortalContext
{
    private static PatientHeader Header(ChartRecords records)
    {
        var chart = ChartFixtures.Yamada();
        return PatientHeaderBuilder.Build("430000000001", records, chart, ChartFixtures.Names, ChartFixtures.Today);
    }

    [Fact]
    public void The_header_shows_identity_both_calendars_allergies_problems_consent_and_holders()
    {
        var cut = Render<PatientHeaderCard>(p => p.Add(c => c.Header, Header(Records.Yamada())));
        Assert.Equal("山田 太郎", cut.Find("[data-testid=chart-name]").TextContent);
        Assert.Equal("ヤマダ タロウ", cut.Find("[data-testid=chart-kana]").TextContent);
        Assert.Equal("男性", cut.Find("[data-testid=chart-sex]").TextContent);
        Assert.Equal("74歳", cut.Find("[data-testid=chart-age]").TextContent);
        Assert.Equal("生年月日 1950-04-01（昭和25年4月1日）", cut.Find("[data-testid=chart-birth]").TextContent);
        Assert.Contains("ペニシリン（重篤）", cut.Find("[data-testid=chart-allergies]").TextContent);
        Assert.Contains("2型糖尿病", cut.Find("[data-testid=chart-problems]").TextContent);
        Assert.DoesNotContain("急性気管支炎", cut.Find("[data-testid=chart-problems]").TextContent);
        Assert.Contains("全参加施設（2023-04-01・本人署名）", cut.Find("[data-testid=chart-consent]").TextContent);
        var holders = cut.Find("[data-testid=chart-holders]").TextContent;
        Assert.Contains("火の国総合病院", holders);
        Assert.Contains("白川薬局", holders);
    }

    [Fact]
    public void A_listed_or_revoked_consent_is_spelled_out()
    {
        var listed = Render<PatientHeaderCard>(p => p.Add(c => c.Header, Header(Records.Yamada() with { Consent = Records.Consent(all: false) })));
        Assert.Contains("指定施設のみ", listed.Find("[data-testid=chart-consent]").TextContent);
        Assert.Contains("阿蘇内科クリニック", listed.Find("[data-testid=chart-consent]").TextContent);

        var revoked = Render<PatientHeaderCard>(p => p.Add(c => c.Header, Header(Records.Yamada() with { Consent = Records.Consent(revoked: true) })));
        Assert.Contains("同意撤回", revoked.Find("[data-testid=chart-consent]").TextContent);
    }

    [Fact]
    public void Hidden_categories_are_listed_with_their_reasons()
    {
        var cut = Render<HiddenCategoriesPanel>(p => p.Add(c => c.Hidden, Records.CareWorkerHidden)
            .Add(c => c.Names, code => ChartFixtures.Names.NameOf(code)));
        var items = cut.FindAll("[data-testid=hidden-item]").Select(i => i.TextContent.Replace(" ", "", StringComparison.Ordinal).Trim()).ToList();
        Assert.Equal(3, items.Count);
        Assert.Contains(items, i => i.Contains("検体検査") && i.Contains("職種の権限"));
        Assert.Contains(items, i => i.Contains("画像・読影レポート") && i.Contains("職種の権限"));
        Assert.Contains(items, i => i.Contains("文書") && i.Contains("阿蘇内科クリニック") && i.Contains("施設の公開設定"));
    }

    [Fact]
    public void Nothing_hidden_renders_nothing() =>
        Assert.Empty(Render<HiddenCategoriesPanel>(p => p.Add(c => c.Hidden, Array.Empty<HiddenCategory>())).Markup.Trim());
}
