using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Pki;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace KMN.Orleans.Web.Auth;

/// <summary>
/// Judges the card (TLS client certificate) a request presents, through the shared CardCertificateValidator,
/// and remembers signed-in cards by thumbprint so an open page (a Blazor circuit, which has no request) can be
/// re-checked against the current revocation lists.
/// </summary>
public sealed class PresentedCards(PkiTrust? trust, TimeProvider clock, IMemoryCache memory,
    IOptions<StaffSessionOptions> options, ILogger<PresentedCards> logger)
{
    // A TLS connection keeps one certificate object for all its requests: judge it once per connection while
    // the trust files (CRLs) stay the same, and again at least every minute for validity periods.
    private static readonly TimeSpan RejudgeAfter = TimeSpan.FromMinutes(1);
    private readonly ConditionalWeakTable<X509Certificate2, Judged> _judged = new();
    private readonly CardCertificateValidator? _validator = trust is null ? null : new CardCertificateValidator(trust, clock);

    public CardVerdict Judge(HttpContext http) => Judge(http.Connection.ClientCertificate);

    public CardVerdict Judge(X509Certificate2? certificate)
    {
        if (certificate is null)
            return CardVerdict.Refuse(SignInReason.NoCard);
        if (trust is null || _validator is null)
            return CardVerdict.Refuse(SignInReason.UntrustedIssuer, certificate.Subject, CertificateIdentity.Serial(certificate), certificate.Issuer);
        try
        {
            var snapshot = trust.Current();
            var now = clock.GetUtcNow();
            if (_judged.TryGetValue(certificate, out var earlier) && earlier.Snapshot == snapshot && now - earlier.At < RejudgeAfter)
                return earlier.Verdict;
            var verdict = _validator.Validate(certificate, CardPurpose.SignIn);
            _judged.AddOrUpdate(certificate, new Judged(snapshot, now, verdict));
            return verdict;
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException)
        {
            // Trust files missing or unreadable: fail closed, with the "try again later" message.
            logger.LogError(ex, "The network PKI files could not be read; cards cannot be checked");
            return CardVerdict.Refuse(SignInReason.RevocationUnknown, certificate.Subject, CertificateIdentity.Serial(certificate), certificate.Issuer);
        }
    }

    /// <summary>Keeps a signed-in card for re-checks without a request (kept while it is used, up to the session limit).</summary>
    public void Remember(X509Certificate2 certificate, string thumbprint)
    {
        if (memory.TryGetValue(Key(thumbprint), out _))
            return;
        // A copy: the connection's own certificate object goes away with the TLS connection.
        memory.Set(Key(thumbprint), X509CertificateLoader.LoadCertificate(certificate.RawData),
            new MemoryCacheEntryOptions { SlidingExpiration = options.Value.AbsoluteLimit });
    }

    public X509Certificate2? Recall(string thumbprint) => memory.Get<X509Certificate2>(Key(thumbprint));

    private static string Key(string thumbprint) => "kmn.card:" + thumbprint;

    private sealed record Judged(PkiTrustSnapshot Snapshot, DateTimeOffset At, CardVerdict Verdict);
}
