using KMN.Orleans.Grains.Persistence;
using Npgsql;

namespace KMN.Orleans.Silo.Hosting;

/// <summary>One-shot schema migration, configured like the silo (appsettings, Database__ConnectionString).</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILogger<SchemaMigrator>>();
        try
        {
            var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            await using var dataSource = NpgsqlDataSource.Create(options.EffectiveConnectionString());
            var applied = await new SchemaMigrator(dataSource, logger).MigrateAsync();
            Console.WriteLine(applied.Count == 0
                ? "Schema is up to date."
                : $"Applied migrations: {string.Join(", ", applied)}");
            return 0;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            Console.Error.WriteLine($"Migration failed: {ex.GetBaseException().Message}");
            return 1;
        }
    }
}
