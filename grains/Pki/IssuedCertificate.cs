using System.Security.Cryptography.X509Certificates;

namespace KMN.Orleans.Grains.Pki;

/// <summary>
/// A certificate the PKI just issued, with its private key, and where its files are: the PKCS#12
/// (leaf + issuing CA, AES-256 protected) and, for facility certificates, PEM files for curl.
/// </summary>
public sealed record IssuedCertificate(
    X509Certificate2 Certificate, PkiIndexEntry Entry, string Pkcs12Path, string? CertificatePemPath, string? KeyPemPath);

/// <summary>An HPKI card holds two certificates: authentication (sign-in) and signing (documents).</summary>
public sealed record IssuedHpkiCard(IssuedCertificate Authentication, IssuedCertificate Signing);

/// <summary>A TLS server's PEM files; <see cref="Issued"/> is null when an earlier certificate was still good.</summary>
public sealed record ServerCertificate(string CertificatePemPath, string KeyPemPath, PkiIndexEntry? Issued);
