using KMN.Orleans.Grains.Abstractions;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Tests.Support;

namespace KMN.Orleans.Tests.Grains;

[Collection(InMemoryClusterCollection.Name)]
public sealed class FacilityGrainTests(InMemoryCluster fixture)
{
    private IFacilityGrain Grain(string code) => fixture.Grains.GetGrain<IFacilityGrain>(code);

    [Fact]
    public async Task Unregistered_facility_has_no_profile()
    {
        Assert.Null(await Grain(TestKeys.NextFacilityCode()).GetProfileAsync());
    }

    [Fact]
    public async Task Register_creates_then_the_same_profile_again_is_unchanged()
    {
        var profile = TestProfiles.Facility();
        var grain = Grain(profile.Code);

        Assert.Equal(WriteOutcome.Created, await grain.RegisterAsync(profile));
        Assert.Equal(WriteOutcome.Unchanged, await grain.RegisterAsync(profile with { }));
        Assert.Equal(profile, await grain.GetProfileAsync());
    }

    [Fact]
    public async Task Register_with_a_changed_profile_updates_it()
    {
        var profile = TestProfiles.Facility();
        var grain = Grain(profile.Code);
        await grain.RegisterAsync(profile);

        var suspended = profile with { Name = "テスト外科医院", Status = FacilityStatus.Suspended };

        Assert.Equal(WriteOutcome.Updated, await grain.RegisterAsync(suspended));
        Assert.Equal(suspended, await grain.GetProfileAsync());
    }

    [Theory]
    [InlineData("43112345")]     // too short
    [InlineData("43112345678")]  // too long
    [InlineData("４３１１２３４５６３")] // full-width digits
    public async Task Register_rejects_a_code_that_is_not_ten_ascii_digits_in_Japanese(string code)
    {
        var grain = Grain(code);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => grain.RegisterAsync(TestProfiles.Facility(code)));

        Assert.Contains("施設コードは10桁の数字で入力してください。", error.Message);
        Assert.Null(await grain.GetProfileAsync());
    }

    [Fact]
    public async Task Register_rejects_a_profile_whose_code_is_not_the_grain_key()
    {
        var key = TestKeys.NextFacilityCode();
        var other = TestKeys.NextFacilityCode();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Grain(key).RegisterAsync(TestProfiles.Facility(other)));

        Assert.Contains($"施設コード {other} がグレインのキー {key} と一致しません。", error.Message);
        Assert.Null(await Grain(key).GetProfileAsync());
    }

    [Fact]
    public async Task Register_rejects_a_blank_name_and_an_undefined_kind()
    {
        var profile = TestProfiles.Facility() with { Name = " ", Kind = (FacilityKind)99 };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Grain(profile.Code).RegisterAsync(profile));

        Assert.Contains("施設名を入力してください。", error.Message);
        Assert.Contains("施設種別が不正です。", error.Message);
    }
}
