using KMN.Orleans.Grains.Abstractions;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Tests.Support;

namespace KMN.Orleans.Tests.Grains;

[Collection(InMemoryClusterCollection.Name)]
public sealed class PatientGrainTests(InMemoryCluster fixture)
{
    private IPatientGrain Grain(string id) => fixture.Grains.GetGrain<IPatientGrain>(id);

    [Fact]
    public async Task Enroll_creates_and_the_same_profile_again_is_unchanged()
    {
        var patient = TestProfiles.Patient();
        var grain = Grain(patient.NetworkPatientId);

        Assert.Equal(WriteOutcome.Created, await grain.EnrollAsync(patient));
        // A new chart-number array with equal elements is still the same profile.
        Assert.Equal(WriteOutcome.Unchanged, await grain.EnrollAsync(TestProfiles.WithCopiedCharts(patient)));
        Assert.True((await grain.GetProfileAsync())!.SameAs(patient));
    }

    [Fact]
    public async Task Enroll_with_changed_demographics_or_charts_updates()
    {
        var patient = TestProfiles.Patient();
        var grain = Grain(patient.NetworkPatientId);
        await grain.EnrollAsync(patient);

        var renamed = patient with { GivenNameKana = "ハナ" };
        Assert.Equal(WriteOutcome.Updated, await grain.EnrollAsync(renamed));

        var newChart = renamed with { ChartNumbers = renamed.ChartNumbers.Add(new ChartNumber(TestKeys.NextFacilityCode(), "77")) };
        Assert.Equal(WriteOutcome.Updated, await grain.EnrollAsync(newChart));
        Assert.True((await grain.GetProfileAsync())!.SameAs(newChart));
    }

    [Theory]
    [InlineData("blank family name", "氏名（漢字）を入力してください。")]
    [InlineData("blank kana", "氏名（カナ）を入力してください。")]
    [InlineData("birth in the future", "生年月日が不正です。")]
    [InlineData("birth before 1880", "生年月日が不正です。")]
    [InlineData("blank chart number", "カルテ番号と施設コードを入力してください。")]
    public async Task Enroll_rejects_invalid_demographics_in_Japanese(string problem, string message)
    {
        var valid = TestProfiles.Patient();
        var invalid = problem switch
        {
            "blank family name" => valid with { FamilyName = "" },
            "blank kana" => valid with { GivenNameKana = " " },
            "birth in the future" => valid with { BirthDate = DateOnly.FromDateTime(DateTime.Today.AddDays(2)) },
            "birth before 1880" => valid with { BirthDate = new DateOnly(1879, 12, 31) },
            "blank chart number" => valid with { ChartNumbers = [new ChartNumber(TestKeys.NextFacilityCode(), "")] },
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
        var grain = Grain(valid.NetworkPatientId);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => grain.EnrollAsync(invalid));

        Assert.Contains(message, error.Message);
        Assert.Null(await grain.GetProfileAsync());
    }

    [Fact]
    public async Task Enroll_rejects_a_profile_whose_id_is_not_the_grain_key()
    {
        var key = TestKeys.NextPatientId();
        var patient = TestProfiles.Patient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Grain(key).EnrollAsync(patient));

        Assert.Contains($"ネットワーク患者ID {patient.NetworkPatientId} がグレインのキー {key} と一致しません。", error.Message);
    }
}
