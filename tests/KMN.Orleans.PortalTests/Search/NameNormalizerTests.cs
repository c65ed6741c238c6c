using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Web.Chart.Search;

namespace KMN.Orleans.PortalTests.Search;

public sealed class NameNormalizerTests
{
    [Theory]
    [InlineData("山田太郎", "山田 太郎")]
    [InlineData("山田　太郎", "山田太郎")]          // full-width space
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダタロウ")]        // half-width katakana with a voiced mark
    [InlineData("やまだ たろう", "ヤマダ・タロウ")]   // hiragana, middle dot
    [InlineData("髙木", "高木")]
    [InlineData("山﨑", "山崎")]
    [InlineData("齋藤", "斎藤")]
    [InlineData("齊藤", "斎藤")]
    [InlineData("渡邊", "渡辺")]
    [InlineData("渡邉", "渡辺")]
    [InlineData("濱田", "浜田")]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("関ヶ原", "関ケ原")]
    public void Variants_fold_to_the_same_key(string a, string b) =>
        Assert.Equal(NameNormalizer.Normalize(b), NameNormalizer.Normalize(a));

    [Fact]
    public void Different_names_stay_different()
    {
        Assert.NotEqual(NameNormalizer.Normalize("山田"), NameNormalizer.Normalize("山口"));
        Assert.NotEqual(NameNormalizer.Normalize("サトウ"), NameNormalizer.Normalize("サドウ"));
    }

    [Fact]
    public void The_variant_table_is_one_to_one()
    {
        Assert.Equal(NameNormalizer.VariantFrom.Length, NameNormalizer.VariantTo.Length);
        Assert.Equal(NameNormalizer.VariantFrom.Length, NameNormalizer.VariantFrom.Distinct().Count());
        Assert.DoesNotContain(NameNormalizer.VariantFrom, c => NameNormalizer.VariantTo.Contains(c));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    [InlineData("ヤマダ", "ヤマダ")]
    public void Empty_and_plain_input(string? input, string expected) => Assert.Equal(expected, NameNormalizer.Normalize(input));

    [Fact]
    public void Kana_is_recognized()
    {
        Assert.True(NameNormalizer.IsKana(NameNormalizer.Normalize("やまだ")));
        Assert.False(NameNormalizer.IsKana(NameNormalizer.Normalize("山田")));
    }
}
