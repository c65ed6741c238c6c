using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Grains.Persistence;
using Npgsql;

namespace KMN.Orleans.Silo.Audit;

/// <summary>
/// `KMN.Orleans.Silo audit-verify`: recomputes the hash chains of the audit trail (kmn_audit_event) and lists
/// every break. Configured like the silo (appsettings, Database__ConnectionString). Exit 0 intact, 2 broken, 1 error.
/// </summary>
public static class AuditVerifyCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(options.EffectiveConnectionString());
            var report = await AuditChainVerifier.VerifyAsync(dataSource);
            Console.WriteLine($"監査証跡: {report.Rows} 行, {report.Chains} チェーン");
            foreach (var found in report.Breaks)
                Console.WriteLine($"改ざん検知: seq={found.Seq} chain={found.ChainKey} #{found.ChainSeq}: {found.Problem}");
            Console.WriteLine(report.Intact ? "OK: すべてのハッシュチェーンは連続しています。" : $"NG: {report.Breaks.Count} 件の不整合があります。");
            return report.Intact ? 0 : 2;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            Console.Error.WriteLine($"audit-verify failed: {ex.GetBaseException().Message}");
            return 1;
        }
    }
}
