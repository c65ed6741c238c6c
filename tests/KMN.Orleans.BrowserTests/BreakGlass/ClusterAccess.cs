using KMN.Orleans.BrowserTests.Infrastructure;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace KMN.Orleans.BrowserTests.BreakGlass;

/// <summary>
/// An Orleans client of the fixture's cluster, for what the portal has no page for yet (revoking a consent), so
/// a test can change the record while a browser watches. Found like the web finds it: the PostgreSQL membership table.
/// </summary>
public sealed class ClusterAccess : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterAccess(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<ClusterAccess> ConnectAsync(KmnNetworkFixture network)
    {
        var host = new HostBuilder()
            .UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (network.ClusterId, "kmn"));
                client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", network.ConnectionString));
            })
            .Build();
        await host.StartAsync();
        return new ClusterAccess(host);
    }

    /// <summary>
    /// A patient (from the last of the demo's <paramref name="patients"/>, away from the ones other tests use) whose
    /// standing consent lets <paramref name="caller"/> open the chart, with that consent.
    /// </summary>
    public async Task<(string PatientId, ConsentVersion Consent)> ConsentingPatientAsync(AccessCaller caller, int patients)
    {
        for (var index = patients - 1; index > 5; index--)
        {
            var id = $"43{index + 1:D10}";
            var record = Client.GetGrain<IPatientRecordGrain>(id);
            if (await record.GetConsentAsync() is { Revoked: false } consent
                && (await record.DecideAccessAsync(caller)).Basis == AccessBasis.Consent)
                return (id, consent);
        }
        throw new InvalidOperationException($"No demo patient's consent lets {caller.FacilityCode} open the chart.");
    }

    /// <summary>全部撤回, as an administrator of the facility that registered the consent.</summary>
    public Task<ConsentReceipt> RevokeAsync(string patientId, ConsentVersion consent) =>
        Client.GetGrain<IPatientRecordGrain>(patientId).RevokeConsentAsync(
            new AccessCaller(consent.RegisteredByFacility, "browser-test-admin", StaffRole.FacilityAdministrator, "試験 管理者"),
            "ブラウザテスト: 閲覧中の撤回");

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
