using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Grains.Records;

/// <summary>The signer as kmn_consent stores it: the words the consent form uses.</summary>
internal static class ConsentSignerText
{
    public static string ToText(ConsentSigner signer) => signer == ConsentSigner.Proxy ? "代理人" : "本人";

    public static ConsentSigner FromText(string text) => text == "代理人" ? ConsentSigner.Proxy : ConsentSigner.Self;
}
