namespace KMN.Orleans.Grains.Abstractions.Accounts;

/// <summary>What kind of certificate was presented, decided from its issuer and policy. Persisted.</summary>
[GenerateSerializer, Alias("kmn.CardKind")]
public enum CardKind
{
    NetworkUserCard = 1,     // 利用者カード, issued by the network issuing CA
    HpkiCard = 2,            // HPKI 資格証 (authentication certificate), issued by an HPKI CA
    FacilityCertificate = 3, // a facility's machine certificate for uploads over mutual TLS
}
