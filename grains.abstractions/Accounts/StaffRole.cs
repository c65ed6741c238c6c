namespace KMN.Orleans.Grains.Abstractions.Accounts;

/// <summary>What a staff member does in the network. Values are persisted and audited: never renumber.</summary>
[GenerateSerializer, Alias("kmn.StaffRole")]
public enum StaffRole
{
    Physician = 1,             // 医師 (HPKI)
    Dentist = 2,               // 歯科医師 (HPKI)
    Pharmacist = 3,            // 薬剤師 (HPKI)
    Nurse = 4,                 // 看護師
    CareManager = 5,           // ケアマネジャー
    CareWorker = 6,            // 介護職員
    Clerk = 7,                 // 事務職員
    FacilityAdministrator = 8, // 施設管理者
    NetworkOperator = 9,       // ネットワーク運用者
}

public static class StaffRoleNames
{
    /// <summary>The Japanese name shown to users and written to the audit trail.</summary>
    public static string Japanese(this StaffRole role) => role switch
    {
        StaffRole.Physician => "医師",
        StaffRole.Dentist => "歯科医師",
        StaffRole.Pharmacist => "薬剤師",
        StaffRole.Nurse => "看護師",
        StaffRole.CareManager => "ケアマネジャー",
        StaffRole.CareWorker => "介護職員",
        StaffRole.Clerk => "事務職員",
        StaffRole.FacilityAdministrator => "施設管理者",
        StaffRole.NetworkOperator => "ネットワーク運用者",
        _ => role.ToString(),
    };

    /// <summary>The national qualifications an HPKI card can state (its hcRole).</summary>
    public static bool IsHpkiQualification(this StaffRole role) =>
        role is StaffRole.Physician or StaffRole.Dentist or StaffRole.Pharmacist;
}
