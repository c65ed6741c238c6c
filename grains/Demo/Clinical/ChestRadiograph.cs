namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// Draws a small chest X-ray-like picture (256×256 grayscale): body, two dark lung fields narrowing to the apex,
/// curved ribs, clavicles, mediastinum with spine, heart shadow and — for pneumonia — patchy opacity in a lower
/// lung field. Seeded, so each patient's film differs a little but the same patient's is always the same.
/// </summary>
public static class ChestRadiograph
{
    public const int Size = 256;

    public static byte[] Png(Random random, bool opacity, bool rightSide = true)
    {
        var tilt = (random.NextDouble() - 0.5) * 0.03;
        var lesions = Enumerable.Range(0, 4)
            .Select(_ => (U: (rightSide ? 0.27 : 0.73) + (random.NextDouble() - 0.5) * 0.1, V: 0.62 + random.NextDouble() * 0.1,
                R: 0.025 + random.NextDouble() * 0.03))
            .ToList();
        var pixels = new byte[Size * Size];
        for (var y = 0; y < Size; y++)
            for (var x = 0; x < Size; x++)
            {
                var u = x / (double)(Size - 1) + tilt * (y / (double)Size - 0.5);
                var v = y / (double)(Size - 1);
                var value = Density(u, v);
                if (opacity)
                    value += lesions.Sum(l => 38 * Math.Exp(-(Math.Pow(u - l.U, 2) + Math.Pow(v - l.V, 2)) / (2 * l.R * l.R))) * Lungs(u, v);
                pixels[y * Size + x] = (byte)Math.Clamp(value + random.Next(-2, 3), 0, 255);
            }
        return PngEncoder.Grayscale(pixels, Size, Size);
    }

    private static double Density(double u, double v)
    {
        var side = Math.Abs(u - 0.5);
        var body = Math.Max(Soft(Ellipse(u, v, 0.5, 0.64, 0.49, 0.56)), Soft(Ellipse(u, v, 0.5, 0.02, 0.11, 0.2)));
        var heart = Soft(Ellipse(u, v, 0.56, 0.69, 0.16, 0.12));
        var lungs = Lungs(u, v) * (1 - 0.7 * heart);
        var value = 12 + 120 * body;
        value += 30 * Soft(side / 0.09) * body * (1 - lungs);                           // mediastinum
        value += 12 * Soft(side / 0.03) * body;                                          // spine
        value -= 88 * lungs * (1.05 - 0.3 * v);                                          // aerated lung
        value += 20 * lungs * Ribs(u, v);
        value += 25 * heart;
        var clavicle = 0.13 + 0.06 * (1 - Math.Min(side / 0.38, 1));
        value += 35 * Soft(Math.Abs(v - clavicle) / 0.012) * Soft(Math.Abs(side - 0.22) / 0.17);
        return value;
    }

    private static double Lungs(double u, double v) => Math.Max(Lung(u, v, -1), Lung(u, v, 1));

    // One lung: a rounded box, narrower towards the apex, domed at the base.
    private static double Lung(double u, double v, int side)
    {
        var du = (u - (0.5 + side * 0.21)) / 0.155;
        var dv = (v - (side < 0 ? 0.48 : 0.5)) / 0.32;
        du *= 1 + 0.6 * Math.Max(0, -dv);
        return Soft(Math.Pow(Math.Pow(Math.Abs(du), 2.4) + Math.Pow(Math.Abs(dv), 2.4), 1 / 2.4));
    }

    // Posterior ribs: arcs that sag towards the sides and spread out lower down.
    private static double Ribs(double u, double v)
    {
        var side = Math.Min(Math.Abs(u - 0.5) / 0.4, 1);
        var best = 0.0;
        for (var k = 0; k < 9; k++)
        {
            var center = 0.15 + k * 0.062 + k * k * 0.0015 + 0.13 * Math.Pow(side, 1.6);
            best = Math.Max(best, Soft(Math.Abs(v - center) / 0.012));
        }
        return best;
    }

    private static double Ellipse(double u, double v, double cu, double cv, double ru, double rv) =>
        Math.Sqrt(Math.Pow((u - cu) / ru, 2) + Math.Pow((v - cv) / rv, 2));

    // 1 inside (distance below 0.85), 0 outside (above 1.15), smooth in between.
    private static double Soft(double distance)
    {
        var t = Math.Clamp((1.15 - distance) / 0.3, 0, 1);
        return t * t * (3 - 2 * t);
    }
}
