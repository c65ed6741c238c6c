using KMN.Orleans.Grains.Demo;

namespace KMN.Orleans.Tests.Support;

/// <summary>
/// Fresh grain keys for tests that share a cluster. Facility numbers start far above the demo network's
/// (which stay below 101,000) and patient ids use prefecture 99, so tests never touch demo grains.
/// </summary>
public static class TestKeys
{
    private static int _facility = 500_000;
    private static long _patient;

    public static string NextFacilityCode(int feeTable = 1) =>
        FacilityCode.Create(feeTable, Interlocked.Increment(ref _facility));

    public static string NextPatientId() => $"99{Interlocked.Increment(ref _patient):D10}";
}
