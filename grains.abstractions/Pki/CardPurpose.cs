namespace KMN.Orleans.Grains.Abstractions.Pki;

/// <summary>What a presented certificate is meant for: a person signing in, or a facility uploading.</summary>
public enum CardPurpose
{
    SignIn = 1,
    Upload = 2,
}
