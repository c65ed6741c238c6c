using KMN.Orleans.Grains.Abstractions.Accounts;

namespace KMN.Orleans.Grains.Accounts.Demo;

[GenerateSerializer, Alias("kmn.DemoStaffState")]
public sealed class DemoStaffState
{
    /// <summary>Identifies the set of cards loaded (their thumbprints, hashed): a new PKI means a new load.</summary>
    [Id(0)] public string? LoadedFingerprint { get; set; }
    [Id(1)] public DemoStaffReport? Finished { get; set; }
}
