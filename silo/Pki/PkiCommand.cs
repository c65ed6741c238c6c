using System.Globalization;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Grains.Persistence;
using KMN.Orleans.Grains.Pki;
using Npgsql;

namespace KMN.Orleans.Silo.Pki;

/// <summary>
/// `KMN.Orleans.Silo pki COMMAND [--folder DIR] ...`: the network PKI tool (deploy/pki.sh calls it).
/// Issuance and revocation are audited in kmn_security_event when Database__ConnectionString is set.
/// </summary>
public static class PkiCommand
{
    public const string Usage = """
        Usage: KMN.Orleans.Silo pki COMMAND [--folder DIR] [options]
          init                                   create the CAs and empty CRLs (once)
          demo [--seed 4300]                     init, then demo cards for every demo staff member,
                                                 facility certificates (skipped when they exist) and
                                                 the FHIR API's server certificate (server-cert)
          issue-card --name 氏名 --facility CODE --role 医師 --id FILE-STEM [--password P]
                                                 HPKI card for 医師/歯科医師/薬剤師, else a user card
          issue-facility --name 施設名 --code CODE [--password P]
          server-cert [--name fhir-api] [--dns localhost,...] [--ip 127.0.0.1,...]
                                                 TLS server certificate (servers/NAME.crt.pem, .key.pem) from
                                                 the issuing CA; kept when one with these names is still good
          revoke SERIAL|THUMBPRINT               revoke and re-sign the CRL
          refresh-crl                            re-sign both CRLs (deploy/up.sh does this on start)
          list                                   everything issued
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = PkiArguments.Parse(args);
        if (options.Command is null or "help" or "--help" or "-h")
        {
            Console.WriteLine(Usage);
            return options.Command is null ? 2 : 0;
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        await using var audit = PkiAudit.Create(database.ConnectionString);
        try
        {
            return await PkiOperations.RunAsync(options, audit, TimeProvider.System);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"pki {options.Command}: {ex.Message}");
            return 1;
        }
    }
}

/// <summary>Writes PKI events to the audit table when a database is configured; otherwise says so once.</summary>
public sealed class PkiAudit : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _dataSource;
    private readonly ISecurityEventStore? _store;

    private PkiAudit(NpgsqlDataSource? dataSource)
    {
        _dataSource = dataSource;
        _store = dataSource is null ? null : new NpgsqlSecurityEventStore(dataSource);
    }

    public static PkiAudit Create(string? connectionString) =>
        new(string.IsNullOrWhiteSpace(connectionString) ? null : NpgsqlDataSource.Create(connectionString));

    public static PkiAudit Disabled => new(null);

    public async Task RecordAsync(string action, PkiIndexEntry entry, StaffRole? role = null, string? accountId = null)
    {
        if (_store is null)
        {
            Console.Error.WriteLine($"note: {action} {entry.Serial} not audited (no Database__ConnectionString)");
            return;
        }
        try
        {
            await _store.AppendAsync(new SecurityEvent(DateTimeOffset.UtcNow, action, true, null, accountId, entry.Subject, null,
                role?.Japanese(), entry.Thumbprint, entry.Serial, entry.Ca, "pki-tool",
                new Dictionary<string, string> { ["kind"] = entry.Kind, ["file"] = entry.File,
                    ["notAfter"] = entry.NotAfter.ToString("O", CultureInfo.InvariantCulture) }));
        }
        catch (NpgsqlException ex)
        {
            Console.Error.WriteLine($"warning: {action} {entry.Serial} could not be audited: {ex.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
            await _dataSource.DisposeAsync();
    }
}
