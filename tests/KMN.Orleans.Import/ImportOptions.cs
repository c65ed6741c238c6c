using System.Globalization;

namespace KMN.Orleans.Import;

/// <summary>
/// deploy/import.sh &lt;folder&gt; --url https://host:port/fhir --cert facility.pem --key facility.key --ca root.pem
/// [--ca-extra issuing.pem] [--parallel N] [--retries N] [--enroll]
/// </summary>
public sealed record ImportOptions(string Folder, Uri FhirBase, string CertificatePath, string KeyPath, string RootPath,
    string? IntermediatePath, int Parallel, int Retries, bool Enroll)
{
    public const string Usage = """
        usage: deploy/import.sh <folder> --url https://127.0.0.1:5443/fhir --cert facility.pem --key facility.key --ca root-ca.pem
                                [--ca-extra issuing-ca.pem] [--parallel 4] [--retries 3] [--enroll]
          --enroll  add the facility's chart number to each Patient and a Consent (all facilities, signed by the patient)
                    to each bundle, for sample data such as Synthea that carries neither
        """;

    public static ImportOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
            throw new ArgumentException("the folder of bundles comes first");
        string? url = null, cert = null, key = null, ca = null, extra = null;
        int parallel = 4, retries = 3;
        var enroll = false;
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--url": url = Next(); break;
                case "--cert": cert = Next(); break;
                case "--key": key = Next(); break;
                case "--ca": ca = Next(); break;
                case "--ca-extra": extra = Next(); break;
                case "--parallel": parallel = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--retries": retries = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--enroll": enroll = true; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (url is null || cert is null || key is null || ca is null)
            throw new ArgumentException("--url, --cert, --key and --ca are required");
        if (!Directory.Exists(args[0]))
            throw new ArgumentException($"no such folder: {args[0]}");
        return new ImportOptions(args[0], new Uri(url.TrimEnd('/') + "/"), cert, key, ca, extra,
            Math.Clamp(parallel, 1, 64), Math.Clamp(retries, 0, 10), enroll);
    }
}
