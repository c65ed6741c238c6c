using Npgsql;

namespace KMN.Orleans.TestSupport;

/// <summary>
/// A throwaway, real PostgreSQL: initdb into a temp folder, a random loopback port, run as a non-root
/// user (initdb refuses root), deleted on dispose. Each test class or collection gets its own server,
/// so tests never share state through the database by accident.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string ServiceUser = "kmnpg";
    private readonly string _bin;
    private readonly string _root;
    private readonly string? _runAs;

    private PostgresServer(string bin, string root, string? runAs, int port)
    {
        _bin = bin;
        _root = root;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }
    public string DataDirectory => Path.Combine(_root, "data");

    /// <summary>Connection string for a database on this server (created with <see cref="CreateDatabaseAsync"/>).</summary>
    public string ConnectionString(string database = "postgres", int maxPoolSize = 20) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = "kmn", Database = database,
            MaxPoolSize = maxPoolSize, Timeout = 10,
        }.ConnectionString;

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = PostgresBinaries.FindBinDirectory();
        var runAs = Environment.UserName == "root" ? await EnsureServiceUserAsync() : null;
        var root = Directory.CreateTempSubdirectory("kmn-pg-").FullName;
        if (runAs is not null)
            await ProcessRunner.RunAsync("chown", [runAs, root]);
        var server = new PostgresServer(bin, root, runAs, FreePort.Next());
        await server.InitAndStartAsync();
        return server;
    }

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stops the server (fast shutdown) keeping its data, e.g. to prove durability across a restart.</summary>
    public Task StopAsync() => PgCtlAsync("stop", "-m", "fast", "-w");

    public Task StartAgainAsync() => StartServerAsync();

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(); } catch (InvalidOperationException) { /* already stopped */ }
        NpgsqlConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private async Task InitAndStartAsync()
    {
        await ProcessRunner.RunAsync(Path.Combine(_bin, "initdb"),
            ["-D", DataDirectory, "-U", "kmn", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            _runAs, timeout: TimeSpan.FromMinutes(3));
        await StartServerAsync();
    }

    private Task StartServerAsync() =>
        PgCtlAsync("start", "-w", "-t", "60", "-l", Path.Combine(_root, "server.log"),
            "-o", $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c TimeZone=Asia/Tokyo");

    private Task PgCtlAsync(params string[] args) =>
        ProcessRunner.RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, .. args], _runAs,
            timeout: TimeSpan.FromMinutes(2));

    private static async Task<string> EnsureServiceUserAsync()
    {
        try
        {
            await ProcessRunner.RunAsync("id", ["-u", ServiceUser]);
        }
        catch (InvalidOperationException)
        {
            await ProcessRunner.RunAsync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ServiceUser]);
        }
        return ServiceUser;
    }
}
