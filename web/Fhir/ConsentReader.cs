using System.Collections.Immutable;
using System.Text.Json.Nodes;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// A FHIR Consent in an upload → the basic consent: patient, date, signer (performer Patient = 本人,
/// RelatedPerson = 代理人), permitted facilities (provision.actor identifiers with a facility code) or all.
/// </summary>
public static class ConsentReader
{
    public static (ConsentGrant? Grant, string? Problem) Read(JsonObject consent, string facility, string? patientReference)
    {
        if (Text(consent["status"]) != "active")
            return (null, "Consent.status は active である必要があります。");
        if (patientReference is null || Text(consent["patient"]?["reference"]) != patientReference)
            return (null, "Consent.patient がこのバンドルの患者を指していません。");
        var date = FhirDates.Parse(Text(consent["dateTime"]));
        if (date is null)
            return (null, "Consent.dateTime (同意日) がありません。");
        var signer = (consent["performer"] as JsonArray)?.Select(p => Text(p?["reference"])).FirstOrDefault(r => r is not null);
        ConsentSigner? who = signer switch
        {
            null => null,
            _ when signer.StartsWith("RelatedPerson", StringComparison.Ordinal) => ConsentSigner.Proxy,
            _ when signer == patientReference => ConsentSigner.Self,
            _ => null,
        };
        if (who is null)
            return (null, "Consent.performer に署名者 (本人の Patient または代理人の RelatedPerson) がありません。");
        if (Text(consent["provision"]?["type"]) == "deny")
            return (null, "拒否 (provision.type = deny) の同意はまだ扱えません。");

        var actors = (consent["provision"]?["actor"] as JsonArray ?? [])
            .Select(a => Text(a?["reference"]?["identifier"]?["value"]))
            .ToList();
        if (actors.Any(code => code is not { Length: 10 } || !code.All(char.IsAsciiDigit)))
            return (null, "Consent.provision.actor は施設コード (10 桁) の identifier で指定してください。");
        var permitted = actors.OfType<string>().Distinct().ToImmutableArray();
        return (new ConsentGrant(DateOnly.FromDateTime(date.Value.Date), who.Value, permitted.IsEmpty, permitted, facility,
            Text(consent["id"])), null);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
