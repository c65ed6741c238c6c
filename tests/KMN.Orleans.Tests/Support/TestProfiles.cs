using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Tests.Support;

/// <summary>Valid profiles to start from; tests change one field with <c>with</c> to make them invalid.</summary>
public static class TestProfiles
{
    public static FacilityProfile Facility(string? code = null, FacilityKind kind = FacilityKind.Clinic) => new(
        Code: code ?? TestKeys.NextFacilityCode(),
        Name: "テスト内科クリニック",
        NameKana: "テストナイカクリニック",
        Kind: kind,
        Municipality: "熊本市中央区",
        ProvidesData: kind.ProvidesDataByDefault(),
        Status: FacilityStatus.Active);

    public static PatientProfile Patient(string? id = null, string? facilityCode = null) => new(
        NetworkPatientId: id ?? TestKeys.NextPatientId(),
        FamilyName: "緒方",
        GivenName: "花子",
        FamilyNameKana: "オガタ",
        GivenNameKana: "ハナコ",
        BirthDate: new DateOnly(1948, 4, 16),
        Sex: Sex.Female,
        ChartNumbers: [new ChartNumber(facilityCode ?? TestKeys.NextFacilityCode(), "00012345")]);

    /// <summary>The same chart numbers in a new array instance, to prove comparisons are by value.</summary>
    public static PatientProfile WithCopiedCharts(PatientProfile p) =>
        p with { ChartNumbers = p.ChartNumbers.Select(c => c with { }).ToImmutableArray() };
}
