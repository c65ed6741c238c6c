namespace KMN.Orleans.Grains.Persistence;

/// <summary>The PostgreSQL connection, bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>An Npgsql connection string. Its pool size must stay below the server's max_connections.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Upper bound of pooled connections per process (Npgsql defaults to 100, the server's whole budget).</summary>
    public int MaxPoolSize { get; set; } = 20;

    public string EffectiveConnectionString()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            throw new InvalidOperationException(
                "Database:ConnectionString is not set. deploy/up.sh sets it; see README.md (Settings).");
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        if (!ConnectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)
            && !ConnectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
            builder.MaxPoolSize = MaxPoolSize;
        return builder.ConnectionString;
    }
}
