namespace KMN.Orleans.Grains.Abstractions.Facilities;

/// <summary>The kinds of facility that join the network. Values are persisted: never renumber.</summary>
[GenerateSerializer, Alias("kmn.FacilityKind")]
public enum FacilityKind
{
    Hospital = 1,             // 病院
    Clinic = 2,               // 診療所
    DentalClinic = 3,         // 歯科診療所
    Pharmacy = 4,             // 薬局
    VisitingNurseStation = 5, // 訪問看護ステーション
    CareHome = 6,             // 介護施設
    CommunityCareCenter = 7,  // 地域包括支援センター
}

public static class FacilityKindRules
{
    /// <summary>Care homes and 地域包括支援センター only read; every other kind may upload records.</summary>
    public static bool ProvidesDataByDefault(this FacilityKind kind) =>
        kind is not (FacilityKind.CareHome or FacilityKind.CommunityCareCenter);
}
