namespace KMN.Orleans.Grains.Demo;

/// <summary>Progress of the demo consents, so a restart resumes instead of making second versions.</summary>
[GenerateSerializer, Alias("kmn.DemoAccessState")]
public sealed class DemoAccessState
{
    [Id(0)] public int PatientsDone { get; set; }
    [Id(1)] public int Consented { get; set; }
    [Id(2)] public bool PoliciesSet { get; set; }
    [Id(3)] public bool Finished { get; set; }
}
