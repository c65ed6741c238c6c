using KMN.Orleans.Grains.Access;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Grains.Network;
using KMN.Orleans.Grains.Persistence;
using KMN.Orleans.Grains.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace KMN.Orleans.Grains;

public static class ServiceCollectionExtensions
{
    /// <summary>The services grains need when the network runs on PostgreSQL.</summary>
    public static IServiceCollection AddKmnPostgres(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            // Record, audit and consent statements repeat on every upload and read: prepared once per connection,
            // PostgreSQL skips parsing and planning. A connection string that sets these keeps its own values.
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
                (builder.ConnectionStringBuilder.MaxAutoPrepare, builder.ConnectionStringBuilder.AutoPrepareMinUsages) = (64, 2);
            return builder.Build();
        });
        services.TryAddSingleton<SchemaMigrator>();
        services.TryAddSingleton<INetworkDirectoryStore, NpgsqlNetworkDirectoryStore>();
        services.TryAddSingleton<ISecurityEventStore, NpgsqlSecurityEventStore>();
        services.TryAddSingleton(TimeProvider.System);
        // Clinical records (issue 4): append-only tables, reached through the record grains.
        services.TryAddSingleton<RecordUploadWriter>();
        services.TryAddSingleton<RecordLookups>();
        services.TryAddSingleton<RecordQueries>();
        services.TryAddSingleton<ChartLinks>();
        services.AddKmnAccessPostgres();
        return services;
    }

    /// <summary>The in-memory stand-ins for fast grain tests.</summary>
    public static IServiceCollection AddKmnInMemory(this IServiceCollection services)
    {
        services.TryAddSingleton<INetworkDirectoryStore, InMemoryNetworkDirectoryStore>();
        services.TryAddSingleton<ISecurityEventStore, InMemorySecurityEventStore>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddKmnAccessInMemory();
        return services;
    }
}
