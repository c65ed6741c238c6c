using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Demo;

namespace KMN.Orleans.Tests.Domain;

public sealed class DemoNetworkGeneratorTests
{
    private static readonly DemoNetworkGenerator Generator = new(4300);
    private static readonly IReadOnlyList<FacilityProfile> Facilities = Generator.Facilities();

    [Fact]
    public void The_same_seed_gives_the_same_network()
    {
        var again = new DemoNetworkGenerator(4300);
        var facilities = again.Facilities();

        Assert.Equal(Facilities, facilities);
        Assert.All(Generator.Patients(200, Facilities).Zip(again.Patients(200, facilities)),
            pair => Assert.True(pair.First.SameAs(pair.Second)));
    }

    [Fact]
    public void Another_seed_gives_another_network()
    {
        var other = new DemoNetworkGenerator(4301);

        Assert.NotEqual(Facilities, other.Facilities());
        Assert.False(Generator.Patient(0, Facilities).SameAs(other.Patient(0, other.Facilities())));
    }

    [Fact]
    public void Patient_i_does_not_depend_on_how_many_are_generated()
    {
        var ten = Generator.Patients(10, Facilities).ToList();
        var thousand = Generator.Patients(1_000, Facilities).ToList();

        Assert.All(Enumerable.Range(0, 10), i => Assert.True(ten[i].SameAs(thousand[i])));
        Assert.True(Generator.Patient(999, Facilities).SameAs(thousand[999]));
        Assert.Equal("430000001000", thousand[999].NetworkPatientId);
    }

    [Fact]
    public void Chart_numbers_are_unique_within_each_facility_and_only_at_data_providers()
    {
        var charts = Generator.Patients(5_000, Facilities).SelectMany(p => p.ChartNumbers).ToList();
        var providers = Facilities.Where(f => f.ProvidesData).Select(f => f.Code).ToHashSet();

        Assert.Equal(charts.Count, charts.Distinct().Count());
        Assert.All(charts, c => Assert.Contains(c.FacilityCode, providers));
        Assert.True(charts.Count >= 5_000, "every patient has at least one chart number");
    }

    [Fact]
    public void Facility_codes_are_ten_digits_with_a_valid_check_digit_and_unique()
    {
        Assert.Equal(21, Facilities.Count);
        Assert.All(Facilities, f => Assert.True(FacilityCode.IsValid(f.Code), f.Code));
        Assert.All(Facilities, f => Assert.StartsWith(FacilityCode.KumamotoPrefecture, f.Code));
        Assert.Equal(Facilities.Count, Facilities.Select(f => f.Code).Distinct().Count());
    }

    [Fact]
    public void Every_facility_kind_is_present_and_only_care_facilities_are_view_only()
    {
        Assert.Equal(Enum.GetValues<FacilityKind>().Order(), Facilities.Select(f => f.Kind).Distinct().Order());
        Assert.All(Facilities, f => Assert.Equal(f.Kind.ProvidesDataByDefault(), f.ProvidesData));
        Assert.Contains(Facilities, f => !f.ProvidesData);
    }

    [Fact]
    public void Names_are_written_in_kanji_with_katakana_readings()
    {
        Assert.All(Facilities, f =>
        {
            Assert.True(JapaneseScript.HasKanji(f.Name), f.Name);
            Assert.True(JapaneseScript.IsKatakana(f.NameKana), f.NameKana);
        });
        Assert.All(Generator.Patients(300, Facilities), p =>
        {
            Assert.True(JapaneseScript.IsKanji(p.FamilyName), p.FamilyName);
            Assert.True(JapaneseScript.IsKanjiOrHiragana(p.GivenName), p.GivenName);
            Assert.True(JapaneseScript.IsKatakana(p.FamilyNameKana) && JapaneseScript.IsKatakana(p.GivenNameKana), p.FullNameKana);
        });
    }
}
