using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// Checks a facility client certificate against the network root only (CustomRootTrust): valid now, chains
/// to the root, clientAuth EKU, and a 10-digit facility code in the subject's SERIALNUMBER (2.5.4.5).
/// Used both in the TLS handshake and again per request.
/// </summary>
public sealed class FacilityCertificateValidator
{
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    private const string SerialNumberOid = "2.5.4.5";
    private readonly X509Certificate2Collection _roots = [];
    private readonly X509Certificate2Collection _intermediates = [];

    public FacilityCertificateValidator(IOptions<PkiOptions> options)
    {
        var pki = options.Value;
        if (!string.IsNullOrWhiteSpace(pki.RootCertificatePath))
            _roots.ImportFromPemFile(pki.RootCertificatePath);
        if (!string.IsNullOrWhiteSpace(pki.IntermediateCertificatesPath))
            _intermediates.ImportFromPemFile(pki.IntermediateCertificatesPath);
    }

    /// <summary>The facility code, or null with the reason the certificate is refused.</summary>
    public (string? FacilityCode, string? Problem) Validate(X509Certificate2 certificate, X509Chain? presented = null)
    {
        if (_roots.Count == 0)
            return (null, "Pki:RootCertificatePath が設定されていません。");
        var now = DateTime.Now;
        if (now < certificate.NotBefore || now > certificate.NotAfter)
            return (null, "証明書の有効期間外です。");
        if (!HasClientAuth(certificate))
            return (null, "証明書にクライアント認証 (clientAuth) の用途がありません。");

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        chain.ChainPolicy.ExtraStore.AddRange(_intermediates);
        if (presented is not null)
            foreach (var element in presented.ChainElements)
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        // Revocation lists arrive with issue 3's PKI; until then the chain alone decides.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthOid));
        if (!chain.Build(certificate))
            return (null, "ネットワークの認証局で検証できない証明書です: " +
                string.Join(", ", chain.ChainStatus.Select(s => s.Status)));

        var code = SerialNumberOf(certificate);
        return code is { Length: 10 } && code.All(char.IsAsciiDigit)
            ? (code, null)
            : (null, "証明書のサブジェクトに 10 桁の施設コード (SERIALNUMBER) がありません。");
    }

    private static bool HasClientAuth(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
            .Any(e => e.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == ClientAuthOid));

    private static string? SerialNumberOf(X509Certificate2 certificate) =>
        certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .FirstOrDefault(r => r.GetSingleElementType().Value == SerialNumberOid)?.GetSingleElementValue();
}
