namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// Seeded random streams for the demo history. <see cref="HashCode"/> is randomized per process, so seeds are
/// mixed here with SplitMix64 instead: the same (seed, patient, stream) gives the same numbers in every
/// process, which is what lets the import CLI, the tests and a later run agree on patient i.
/// </summary>
public static class DemoRandom
{
    public static Random For(int seed, int patient, int stream, int part = 0) => new(Mix(seed, patient, stream, part));

    public static int Mix(int seed, int patient, int stream, int part = 0)
    {
        var x = (ulong)(uint)seed;
        x = SplitMix(x ^ ((ulong)(uint)patient << 20));
        x = SplitMix(x ^ ((ulong)(uint)stream << 40));
        x = SplitMix(x ^ (uint)part);
        return (int)(x & 0x7FFF_FFFF);
    }

    /// <summary>A standard normal sample (Box–Muller), for lab noise.</summary>
    public static double Gaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
