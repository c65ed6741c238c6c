using System.Globalization;

namespace KMN.Orleans.Grains.Pki;

/// <summary>
/// One line of index.tsv, the record of everything a PKI folder issued (like openssl's index.txt).
/// Revocation lists are rebuilt from it, so it is the truth for "revoked".
/// </summary>
public sealed record PkiIndexEntry(
    string Serial, string Thumbprint, string Kind, string Ca, DateTimeOffset NotAfter, DateTimeOffset? RevokedAt,
    string File, string Subject)
{
    public const string Header = "serial\tthumbprint\tkind\tca\tnot_after\trevoked_at\tfile\tsubject";

    public string ToLine() => string.Join('\t', Serial, Thumbprint, Kind, Ca, NotAfter.ToString("O", CultureInfo.InvariantCulture),
        RevokedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "-", File, Subject.Replace('\t', ' '));

    public static PkiIndexEntry Parse(string line)
    {
        var f = line.Split('\t', 8);
        return new PkiIndexEntry(f[0], f[1], f[2], f[3], DateTimeOffset.Parse(f[4], CultureInfo.InvariantCulture),
            f[5] == "-" ? null : DateTimeOffset.Parse(f[5], CultureInfo.InvariantCulture), f[6], f[7]);
    }
}

/// <summary>Index "ca" values: which CA issued an entry.</summary>
public static class PkiCaNames
{
    public const string Issuing = "network-issuing";
    public const string Hpki = "hpki-test";
}

/// <summary>Index "kind" values.</summary>
public static class PkiCertificateKinds
{
    public const string UserCard = "user-card";
    public const string HpkiAuthentication = "hpki-auth";
    public const string HpkiSigning = "hpki-sign";
    public const string Facility = "facility";
    public const string TlsServer = "tls-server";
}
