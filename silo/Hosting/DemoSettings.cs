namespace KMN.Orleans.Silo.Hosting;

/// <summary>Whether and what demo network the silo loads on start ("Demo" section).</summary>
public sealed class DemoSettings
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }
    public int Seed { get; set; } = 4300;
    public int Patients { get; set; } = 200;
}
