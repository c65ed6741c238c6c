namespace KMN.Orleans.Grains.Access;

/// <summary>Settings of access control, bound from the "Access" configuration section (Access__BreakGlassDuration).</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>How long a break-the-glass opening lasts for the physician who made it.</summary>
    public TimeSpan BreakGlassDuration { get; set; } = TimeSpan.FromMinutes(15);
}
