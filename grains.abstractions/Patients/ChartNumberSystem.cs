namespace KMN.Orleans.Grains.Abstractions.Patients;

/// <summary>
/// The identifier system of a facility's chart numbers (the JP Core 医療機関患者番号 OID followed by the 10-digit
/// facility code), so the same chart number at two facilities never names the same patient by accident.
/// </summary>
public static class ChartNumberSystem
{
    public const string Prefix = "urn:oid:1.2.392.100495.20.3.51.1";

    public static string For(string facilityCode) => Prefix + facilityCode;
}
