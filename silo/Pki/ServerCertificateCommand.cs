using System.Net;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Grains.Pki;

namespace KMN.Orleans.Silo.Pki;

/// <summary>
/// `pki server-cert [--name fhir-api] [--dns localhost] [--ip 127.0.0.1]`: the TLS server certificate of a network
/// endpoint, created only when missing or no longer fit (deploy/up.sh runs it on every start, so PKI folders made
/// before the FHIR API existed get one too). Prints certificate, key and CA bundle paths, tab-separated.
/// </summary>
public static class ServerCertificateCommand
{
    public const string DefaultName = "fhir-api";

    public static async Task<int> RunAsync(NetworkPki pki, PkiArguments a, PkiAudit audit)
    {
        var server = Ensure(pki, a.Options.GetValueOrDefault("name") ?? DefaultName,
            List(a.Options.GetValueOrDefault("dns") ?? "localhost"), List(a.Options.GetValueOrDefault("ip") ?? "127.0.0.1"));
        if (server.Issued is not null)
            await audit.RecordAsync(SecurityActions.CardIssued, server.Issued);
        Console.WriteLine($"{server.CertificatePemPath}\t{server.KeyPemPath}\t{pki.CaBundlePath}\t{(server.Issued is null ? "kept" : "issued")}");
        return 0;
    }

    /// <summary>The demo's endpoint: what a browser or curl on this machine calls it.</summary>
    public static ServerCertificate EnsureDemo(NetworkPki pki) =>
        Ensure(pki, DefaultName, ["localhost"], ["127.0.0.1"]);

    private static ServerCertificate Ensure(NetworkPki pki, string name, IReadOnlyList<string> dns, IReadOnlyList<string> ips)
    {
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.StartsWith('.'))
            throw new ArgumentException($"--name {name} is not a plain file name.");
        var addresses = ips.Select(ip => IPAddress.TryParse(ip, out var address) ? address : throw new ArgumentException($"--ip {ip} is not an IP address.")).ToList();
        return pki.EnsureTlsServer(name, dns, addresses);
    }

    private static List<string> List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
