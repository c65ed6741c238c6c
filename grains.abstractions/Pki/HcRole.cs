using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.Grains.Abstractions.Accounts;

namespace KMN.Orleans.Grains.Abstractions.Pki;

/// <summary>
/// The HPKI qualification (hcRole) in a certificate's subjectDirectoryAttributes, encoded as ISO 17090
/// describes it: Attribute { hcRole, SET { HCActorData = SET OF HCActor { [0] CodedData { scheme OID,
/// code UTF8String } } } }. The codes are the HPKI profile's English qualification names.
/// </summary>
public static class HcRole
{
    private static readonly (StaffRole Role, string Code)[] Codes =
    [
        (StaffRole.Physician, "Medical Doctor"),
        (StaffRole.Dentist, "Dentist"),
        (StaffRole.Pharmacist, "Pharmacist"),
    ];

    public static string CodeFor(StaffRole role) =>
        Codes.FirstOrDefault(c => c.Role == role).Code
        ?? throw new ArgumentException($"{role.Japanese()} は HPKI の資格ではありません。", nameof(role));

    public static StaffRole? RoleFor(string code) =>
        Codes.Where(c => c.Code == code).Select(c => (StaffRole?)c.Role).FirstOrDefault();

    /// <summary>The subjectDirectoryAttributes extension stating <paramref name="role"/>.</summary>
    public static X509Extension Extension(StaffRole role)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())           // SubjectDirectoryAttributes
        using (w.PushSequence())           // Attribute
        {
            w.WriteObjectIdentifier(KmnOids.HcRole);
            using (w.PushSetOf())          // values
            using (w.PushSetOf())          // HCActorData
            using (w.PushSequence())       // HCActor
            {
                var explicit0 = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
                using (w.PushSequence(explicit0))
                using (w.PushSequence())   // CodedData
                {
                    w.WriteObjectIdentifier(KmnOids.HpkiQualificationScheme);
                    w.WriteCharacterString(UniversalTagNumber.UTF8String, CodeFor(role));
                }
            }
        }
        return new X509Extension(KmnOids.SubjectDirectoryAttributes, w.Encode(), critical: false);
    }

    /// <summary>The qualification a certificate states, or null when it states none we know.</summary>
    public static StaffRole? Read(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions[KmnOids.SubjectDirectoryAttributes];
        if (extension is null)
            return null;
        try
        {
            return ReadAttributes(extension.RawData);
        }
        catch (AsnContentException)
        {
            return null; // malformed: treated as "no qualification", which no HPKI-role account accepts
        }
    }

    private static StaffRole? ReadAttributes(byte[] der)
    {
        var attributes = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        while (attributes.HasData)
        {
            var attribute = attributes.ReadSequence();
            var type = attribute.ReadObjectIdentifier();
            var values = attribute.ReadSetOf();
            if (type != KmnOids.HcRole)
                continue;
            while (values.HasData)
            {
                var actors = values.ReadSetOf();
                while (actors.HasData)
                {
                    var actor = actors.ReadSequence();
                    var explicit0 = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
                    if (!actor.HasData || !actor.PeekTag().HasSameClassAndValue(explicit0))
                        continue;
                    var coded = actor.ReadSequence(explicit0).ReadSequence();
                    var scheme = coded.ReadObjectIdentifier();
                    var code = coded.ReadCharacterString(UniversalTagNumber.UTF8String);
                    if (scheme == KmnOids.HpkiQualificationScheme && RoleFor(code) is { } role)
                        return role;
                }
            }
        }
        return null;
    }
}
