using KMN.Orleans.Web.Components.Pages;

namespace KMN.Orleans.PortalTests.BreakGlass;

/// <summary>The operators' review queue: open openings listed, closed only with a note, refreshed by a live alert.</summary>
public sealed class ReviewsPageTests : AccessContext
{
    private IRenderedComponent<ReviewsPage> Open()
    {
        UseServices(Operator);
        return RenderLive<ReviewsPage>();
    }

    [Fact]
    public void Open_reviews_show_who_which_patient_and_why()
    {
        Access.Reviews.Add(FakeAccessSource.Review(7, "430000000006"));
        var cut = Open();
        var row = cut.WaitForElement("[data-testid=review-row]", Patience);
        Assert.Equal("430000000006", row.GetAttribute("data-patient"));
        Assert.Contains("熊本 一郎", row.TextContent);
        Assert.Contains("意識障害等で本人の同意を確認できない: 救急搬送、意識レベル低下", row.TextContent);
    }

    [Fact]
    public void An_empty_note_is_refused_in_Japanese_and_changes_nothing()
    {
        Access.Reviews.Add(FakeAccessSource.Review(7, "430000000006"));
        var cut = Open();
        cut.WaitForElement("[data-testid=review-close]", Patience).Click();

        cut.WaitForAssertion(() => Assert.Contains("確認結果（所見）を入力してください", cut.Find("[data-testid=review-message]").TextContent), Patience);
        Assert.Empty(Access.Closed);
        Assert.Single(cut.FindAll("[data-testid=review-row]"));
    }

    [Fact]
    public void A_note_closes_the_review_and_it_leaves_the_list()
    {
        Access.Reviews.Add(FakeAccessSource.Review(7, "430000000006"));
        var cut = Open();
        cut.WaitForElement("input[data-testid=review-note]", Patience).Input(" 救急外来の記録と一致。問題なし。 ");
        cut.Find("[data-testid=review-close]").Click();

        cut.WaitForAssertion(() => Assert.Contains("レビュー 7 を閉じました", cut.Find("[data-testid=review-message]").TextContent), Patience);
        Assert.Equal((7L, "救急外来の記録と一致。問題なし。"), Assert.Single(Access.Closed));
        cut.WaitForElement("[data-testid=reviews-empty]", Patience);
    }

    [Fact]
    public async Task A_new_opening_appears_without_a_reload_and_leaving_the_page_unsubscribes()
    {
        var cut = Open();
        cut.WaitForElement("[data-testid=reviews-empty]", Patience);
        cut.WaitForAssertion(() => Assert.Contains("network", Notices.AlertKeys), Patience);

        var review = FakeAccessSource.Review(8, "430000000007");
        Access.Reviews.Add(review);
        await cut.InvokeAsync(() => Notices.AlertAsync("network", review.Opening));

        cut.WaitForElement("[data-testid=review-row]", Patience);
        await DisposeComponentsAsync();
        Assert.Empty(Notices.AlertKeys);
    }
}
