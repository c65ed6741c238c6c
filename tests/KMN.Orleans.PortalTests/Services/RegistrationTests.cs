using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Auth;
using KMN.Orleans.Web.Hosting;
using KMN.Orleans.Web.Services.Access;
using KMN.Orleans.Web.Services.Chart;
using KMN.Orleans.Web.Services.FacilityAdmin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KMN.Orleans.PortalTests.Services;

/// <summary>The portal's registrations (chart, access, facility admin) beside AddKmnServices and the sign-in's ICurrentStaff give every service (checked at build).</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void Every_portal_service_resolves_as_the_portal_registers_them()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ILoggerFactory, LoggerFactory>();
        // What the host provides: the cluster client and its connection state (never called here).
        services.AddSingleton<IClusterClient>(_ => throw new InvalidOperationException("not in this test"));
        services.AddSingleton<ClusterConnectionState>(_ => throw new InvalidOperationException("not in this test"));
        services.AddScoped<ICurrentStaff>(_ => new FakeCurrentStaff(null));
        services.AddKmnServices();
        services.AddKmnChart();
        services.AddKmnAccess();
        services.AddKmnFacilityAdmin();

        // ValidateOnBuild checks that every registered service's constructor can be satisfied, without calling the cluster.
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Contains(services, d => d.ServiceType == typeof(ChartService) && d.Lifetime == ServiceLifetime.Scoped);
        Assert.Contains(services, d => d.ServiceType == typeof(IChartLiveFeed) && d.ImplementationType == typeof(PushChartLiveFeed));
        // The search filters by the access decision only when a source is registered: the portal must register it.
        Assert.Contains(services, d => d.ServiceType == typeof(IPatientAccessSource) && d.ImplementationType == typeof(ClusterPatientAccessSource));
        foreach (var scoped in new[] { typeof(BreakGlassService), typeof(AccessLogService), typeof(ReviewService) })
            Assert.Contains(services, d => d.ServiceType == scoped && d.Lifetime == ServiceLifetime.Scoped);
        Assert.Contains(services, d => d.ServiceType == typeof(IAccessNotices) && d.ImplementationType == typeof(StreamAccessNotices));
        Assert.Contains(services, d => d.ServiceType == typeof(IFacilityAdminService));
    }
}
