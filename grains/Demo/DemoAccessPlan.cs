using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Grains.Demo;

/// <summary>
/// The demo consent of patient i, from (seed, i) alone: most patients consent (about 60% to every participating
/// facility, the rest to the facilities that treat them), the very old and every tenth sign through a family
/// member, about one in twenty later revokes. Patients 2 (proxy) and 5 (revoked) are fixed for walkthroughs.
/// </summary>
public sealed record DemoConsent(string RegisteredAt, ConsentRegistration Registration, bool Revoke)
{
    public const int MaxPatients = 5_000; // consents for a larger (benchmark) network come from the FHIR import

    private static readonly string[] Relationships = ["長男", "長女", "妻", "夫"];

    public static DemoConsent? For(int seed, int index, PatientProfile patient, DateOnly today)
    {
        var random = new Random(Clinical.DemoRandom.Mix(seed, index, 0xC0_4E_57)); // stable across processes, unlike HashCode.Combine
        if (patient.ChartNumbers.IsDefaultOrEmpty || (index > 5 && random.NextDouble() < 0.12))
            return null; // not (yet) consented
        var charts = patient.ChartNumbers.Select(c => c.FacilityCode).Distinct().ToArray();
        var scope = random.NextDouble() < 0.6 ? ConsentScope.All : ConsentScope.Only(charts);
        var age = (today.DayNumber - patient.BirthDate.DayNumber) / 365;
        var signer = index == 2 || age >= 85 || index % 10 == 3
            ? new ConsentSignature(ConsentSigner.Proxy, $"{patient.FamilyName} {JapaneseNames.Male[random.Next(JapaneseNames.Male.Length)].Kanji}",
                Relationships[random.Next(Relationships.Length)])
            : new ConsentSignature(ConsentSigner.Self);
        var date = today.AddDays(-random.Next(30, 900));
        return new DemoConsent(charts[0], new ConsentRegistration(date, signer, scope, $"demo-scan/{patient.NetworkPatientId}.pdf"),
            Revoke: index == 5 || (index > 5 && random.NextDouble() < 0.05));
    }
}
