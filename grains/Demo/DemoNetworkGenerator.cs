using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo;

/// <summary>
/// The seeded demo network: the same seed always yields the same facilities and patients, and patient i
/// depends only on (seed, i), so a benchmark can stream 470,000 patients without holding them in memory
/// and later issues can derive consents and clinical history from the same numbers.
/// </summary>
public sealed class DemoNetworkGenerator(int seed)
{
    private static readonly (FacilityKind Kind, int FeeTable, string Suffix, string Kana, int Count)[] Plan =
    [
        (FacilityKind.Hospital, 1, "総合病院", "ソウゴウビョウイン", 4),
        (FacilityKind.Clinic, 1, "内科クリニック", "ナイカクリニック", 5),
        (FacilityKind.DentalClinic, 3, "歯科医院", "シカイイン", 2),
        (FacilityKind.Pharmacy, 4, "薬局", "ヤッキョク", 4),
        (FacilityKind.VisitingNurseStation, 6, "訪問看護ステーション", "ホウモンカンゴステーション", 2),
        (FacilityKind.CareHome, 6, "介護老人保健施設", "カイゴロウジンホケンシセツ", 2),
        (FacilityKind.CommunityCareCenter, 6, "地域包括支援センター", "チイキホウカツシエンセンター", 2),
    ];

    private static readonly (string Kanji, string Kana)[] PlaceNames =
    [
        ("くまもと", "クマモト"), ("火の国", "ヒノクニ"), ("阿蘇", "アソ"), ("白川", "シラカワ"), ("水前寺", "スイゼンジ"),
        ("清正", "キヨマサ"), ("肥後", "ヒゴ"), ("江津", "エヅ"), ("花畑", "ハナバタ"), ("坪井", "ツボイ"),
    ];

    public int Seed { get; } = seed;

    /// <summary>About twenty facilities of every kind, in Kumamoto municipalities.</summary>
    public IReadOnlyList<FacilityProfile> Facilities()
    {
        var random = new Random(Seed);
        var result = new List<FacilityProfile>();
        var number = 0;
        foreach (var (kind, feeTable, suffix, kana, count) in Plan)
        {
            for (var i = 0; i < count; i++)
            {
                number++;
                var place = PlaceNames[random.Next(PlaceNames.Length)];
                var municipality = KumamotoPlaces.Municipalities[random.Next(KumamotoPlaces.Municipalities.Length)];
                result.Add(new FacilityProfile(
                    Code: FacilityCode.Create(feeTable, 100_000 + number * 37 + random.Next(30)),
                    Name: $"{place.Kanji}{suffix}{(count > 1 ? ToFullWidth(i + 1) : "")}",
                    NameKana: $"{place.Kana}{kana}",
                    Kind: kind,
                    Municipality: municipality,
                    ProvidesData: kind.ProvidesDataByDefault(),
                    Status: FacilityStatus.Active));
            }
        }
        return result;
    }

    /// <summary>Patient number <paramref name="index"/> (0-based) of the demo network.</summary>
    public PatientProfile Patient(int index, IReadOnlyList<FacilityProfile> facilities)
    {
        // Not HashCode.Combine: it is randomized per process, and the silo, import CLI and tests must agree on patient i.
        var random = new Random(Clinical.DemoRandom.Mix(Seed, index, 0x4B4D4E));
        var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
        var family = JapaneseNames.Family[random.Next(JapaneseNames.Family.Length)];
        var givenNames = sex == Sex.Male ? JapaneseNames.Male : JapaneseNames.Female;
        var given = givenNames[random.Next(givenNames.Length)];
        var birth = new DateOnly(1930, 1, 1).AddDays(random.Next(0, 365 * 92));

        var providers = facilities.Where(f => f.ProvidesData).ToList();
        var visited = Enumerable.Range(0, 1 + random.Next(3))
            .Select(_ => random.Next(providers.Count)).Distinct().Order()
            .Select(f => new ChartNumber(providers[f].Code, ChartNumberFor(index, f)))
            .ToImmutableArray();

        return new PatientProfile(NetworkPatientId(index), family.Kanji, given.Kanji, family.Kana, given.Kana,
            birth, sex, visited);
    }

    public IEnumerable<PatientProfile> Patients(int count, IReadOnlyList<FacilityProfile> facilities)
    {
        for (var i = 0; i < count; i++)
            yield return Patient(i, facilities);
    }

    /// <summary>Network patient IDs: prefecture 43 and a 10-digit serial.</summary>
    public static string NetworkPatientId(int index) => $"43{index + 1:D10}";

    // Injective in the patient index for a fixed facility, so chart numbers never collide within a facility.
    private static string ChartNumberFor(int patientIndex, int facilityIndex) =>
        (patientIndex + 1 + facilityIndex * 7919L).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    private static string ToFullWidth(int n) =>
        new(n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０')).ToArray());
}
