namespace KMN.Orleans.Grains.Abstractions.Facilities;

/// <summary>Membership status of a facility, set by network operators. Persisted: never renumber.</summary>
[GenerateSerializer, Alias("kmn.FacilityStatus")]
public enum FacilityStatus
{
    Applied = 1,   // 申請中
    Active = 2,    // 有効
    Suspended = 3, // 停止
    Withdrawn = 4, // 退会
}
