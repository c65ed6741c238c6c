using Npgsql;

namespace KMN.Orleans.Tests.Support;

public static class PooledConnections
{
    /// <summary>
    /// A silo started after a database restart is a new process with empty pools. In-process test clusters
    /// share this process's pools, so drop the connections kept from before the restart.
    /// </summary>
    public static void ForgetAll(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }
}
