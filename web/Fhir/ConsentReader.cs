using System.Collections.Immutable;
using System.Text.Json;
using KMN.Orleans.Grains.Abstractions.Records;
using static KMN.Orleans.Web.Fhir.JsonText;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// A FHIR Consent in an upload → the basic consent: patient, date, signer (performer Patient = 本人,
/// RelatedPerson = 代理人), permitted facilities (provision.actor identifiers with a facility code) or all.
/// </summary>
public static class ConsentReader
{
    /// <param name="rewrites">The entry's reference rewrites: Consent.patient is compared as it will be stored.</param>
    public static (ConsentGrant? Grant, string? Problem) Read(JsonElement consent, string facility, string? patientReference,
        IReadOnlyDictionary<string, string> rewrites)
    {
        string? Stored(string? reference) => reference is not null && rewrites.TryGetValue(reference, out var target) ? target : reference;

        if (Text(consent, "status") != "active")
            return (null, "Consent.status は active である必要があります。");
        if (patientReference is null || Stored(Text(Prop(consent, "patient"), "reference")) != patientReference)
            return (null, "Consent.patient がこのバンドルの患者を指していません。");
        var date = FhirDates.Parse(Text(consent, "dateTime"));
        if (date is null)
            return (null, "Consent.dateTime (同意日) がありません。");
        var signer = Items(Prop(consent, "performer")).Select(p => Stored(Text(p, "reference"))).FirstOrDefault(r => r is not null);
        ConsentSigner? who = signer switch
        {
            null => null,
            _ when signer.StartsWith("RelatedPerson", StringComparison.Ordinal) => ConsentSigner.Proxy,
            _ when signer == patientReference => ConsentSigner.Self,
            _ => null,
        };
        if (who is null)
            return (null, "Consent.performer に署名者 (本人の Patient または代理人の RelatedPerson) がありません。");
        var provision = Prop(consent, "provision");
        if (Text(provision, "type") == "deny")
            return (null, "拒否 (provision.type = deny) の同意はまだ扱えません。");

        var actors = Items(Prop(provision, "actor"))
            .Select(a => Text(Prop(Prop(a, "reference"), "identifier"), "value"))
            .ToList();
        if (actors.Any(code => code is not { Length: 10 } || !code.All(char.IsAsciiDigit)))
            return (null, "Consent.provision.actor は施設コード (10 桁) の identifier で指定してください。");
        var permitted = actors.OfType<string>().Distinct().ToImmutableArray();
        return (new ConsentGrant(DateOnly.FromDateTime(date.Value.Date), who.Value, permitted.IsEmpty, permitted, facility,
            Text(consent, "id")), null);
    }

    private static IEnumerable<JsonElement> Items(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];
}
