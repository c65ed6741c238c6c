namespace KMN.Orleans.Grains.Abstractions.Pki;

/// <summary>
/// Where the edge finds the trust anchors and revocation lists ("Pki" section). Only
/// <see cref="RootCertificatePath"/> is required: every other file defaults to its standard name
/// (<see cref="PkiFiles"/>) in <see cref="Folder"/>, which defaults to the root certificate's folder.
/// </summary>
public sealed class PkiTrustSettings
{
    public const string Section = "Pki";

    public string? Folder { get; set; }
    public string? RootCertificatePath { get; set; }
    public string? IssuingCertificatePath { get; set; }
    public string? HpkiRootCertificatePath { get; set; }
    public string? IssuingCrlPath { get; set; }
    public string? HpkiCrlPath { get; set; }

    public static PkiTrustSettings ForFolder(string folder) => new() { Folder = folder };

    public string ResolvedRoot => RootCertificatePath ?? InFolder(PkiFiles.RootCertificate);
    public string ResolvedIssuing => IssuingCertificatePath ?? InFolder(PkiFiles.IssuingCertificate);
    public string ResolvedHpkiRoot => HpkiRootCertificatePath ?? InFolder(PkiFiles.HpkiCertificate);
    public string ResolvedIssuingCrl => IssuingCrlPath ?? InFolder(PkiFiles.IssuingCrl);
    public string ResolvedHpkiCrl => HpkiCrlPath ?? InFolder(PkiFiles.HpkiCrl);

    private string InFolder(string name)
    {
        var folder = Folder ?? Path.GetDirectoryName(RootCertificatePath)
            ?? throw new InvalidOperationException("Pki:Folder or Pki:RootCertificatePath must be set.");
        return Path.Combine(folder, name);
    }
}
