using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.Grains.Abstractions.Accounts;

namespace KMN.Orleans.Grains.Abstractions.Pki;

/// <summary>
/// Judges a presented client certificate at the edge (portal sign-in, upload API): chain to the network root
/// or the HPKI CA, validity period, revocation list of its issuer, key usage and policy for the purpose.
/// Grains never see raw certificates; they get the <see cref="CardFacts"/> this produces (docs/adr/0006).
/// </summary>
public sealed class CardCertificateValidator(PkiTrust trust, TimeProvider clock)
{
    public CardVerdict Validate(X509Certificate2? certificate, CardPurpose purpose, X509Certificate2Collection? presentedChain = null)
    {
        if (certificate is null)
            return CardVerdict.Refuse(SignInReason.NoCard);
        var snapshot = trust.Current();
        var now = clock.GetUtcNow();
        var refuse = (SignInReason reason) => CardVerdict.Refuse(reason, certificate.Subject,
            CertificateIdentity.Serial(certificate), certificate.Issuer);

        using var chain = BuildChain(certificate, snapshot, now, presentedChain, out var trusted);
        if (!trusted)
            return refuse(SignInReason.UntrustedIssuer);
        var elements = chain.ChainElements.Select(e => e.Certificate).ToList();
        if (elements.Count < 2)
            return refuse(SignInReason.WrongKeyUsage); // a trust anchor itself is nobody's card
        if (elements.Any(c => new DateTimeOffset(c.NotBefore.ToUniversalTime()) > now))
            return refuse(SignInReason.NotYetValid);
        if (elements.Any(c => new DateTimeOffset(c.NotAfter.ToUniversalTime()) < now))
            return refuse(SignInReason.Expired);
        if (Revocation(elements, snapshot, now) is { } revocation)
            return refuse(revocation);

        var isHpki = snapshot.HpkiRoot is not null && elements[^1].RawDataMemory.Span.SequenceEqual(snapshot.HpkiRoot.RawDataMemory.Span);
        var (kind, problem) = CardClassifier.Classify(certificate, isHpki, purpose);
        if (problem != SignInReason.Ok)
            return refuse(problem);
        return CardVerdict.Accept(new CardFacts(
            CertificateIdentity.Thumbprint(certificate),
            certificate.Issuer,
            CertificateIdentity.Serial(certificate),
            certificate.Subject,
            kind,
            kind == CardKind.HpkiCard ? HcRole.Read(certificate) : null,
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime()),
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime()),
            kind == CardKind.FacilityCertificate ? CertificateIdentity.SubjectAttribute(certificate, KmnOids.SerialNumberAttribute) : null));
    }

    private static X509Chain BuildChain(X509Certificate2 certificate, PkiTrustSnapshot snapshot, DateTimeOffset now,
        X509Certificate2Collection? presented, out bool trusted)
    {
        var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.Add(snapshot.NetworkRoot);
        if (snapshot.HpkiRoot is not null)
            policy.CustomTrustStore.Add(snapshot.HpkiRoot);
        if (snapshot.NetworkIssuing is not null)
            policy.ExtraStore.Add(snapshot.NetworkIssuing);
        if (presented is not null)
            policy.ExtraStore.AddRange(presented);
        // Revocation is checked against our own CRL files below; never fetch anything over the network.
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = now.UtcDateTime;
        chain.Build(certificate);
        // Time problems are reported separately (Expired / NotYetValid); anything else means "not ours".
        var problems = chain.ChainStatus.Select(s => s.Status)
            .Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s) & ~X509ChainStatusFlags.NotTimeValid;
        var anchor = chain.ChainElements.Count > 0 ? chain.ChainElements[^1].Certificate : null;
        trusted = problems == X509ChainStatusFlags.NoError && anchor is not null
            && policy.CustomTrustStore.Any(r => r.RawDataMemory.Span.SequenceEqual(anchor.RawDataMemory.Span));
        return chain;
    }

    // The leaf's issuer must publish a current list; higher links are checked when a list exists for them.
    private static SignInReason? Revocation(List<X509Certificate2> elements, PkiTrustSnapshot snapshot, DateTimeOffset now)
    {
        for (var i = 0; i < elements.Count - 1; i++)
        {
            var issuer = elements[i + 1];
            if (!snapshot.Crls.TryGetValue(CertificateIdentity.Thumbprint(issuer), out var crl))
            {
                if (i == 0)
                    return SignInReason.RevocationUnknown;
                continue;
            }
            if (!crl.IsCurrent(now))
                return SignInReason.RevocationUnknown;
            if (crl.IsRevoked(elements[i]))
                return SignInReason.Revoked;
        }
        return null;
    }
}
