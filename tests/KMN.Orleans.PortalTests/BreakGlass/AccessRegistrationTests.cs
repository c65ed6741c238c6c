using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Auth;
using KMN.Orleans.Web.Hosting;
using KMN.Orleans.Web.Services.Access;
using KMN.Orleans.Web.Services.Chart;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KMN.Orleans.PortalTests.BreakGlass;

/// <summary>AddKmnAccess beside AddKmnServices, AddKmnChart and ICurrentStaff gives every access service (checked at build).</summary>
public sealed class AccessRegistrationTests
{
    [Fact]
    public void Every_access_service_resolves_as_the_portal_registers_them()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ILoggerFactory, LoggerFactory>();
        services.AddSingleton<IClusterClient>(_ => throw new InvalidOperationException("not in this test"));
        services.AddSingleton<ClusterConnectionState>(_ => throw new InvalidOperationException("not in this test"));
        services.AddScoped<ICurrentStaff>(_ => new FakeCurrentStaff(null));
        services.AddKmnServices();
        services.AddKmnChart();
        services.AddKmnAccess();

        // ValidateOnBuild checks every registered constructor can be satisfied, without calling the cluster.
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        foreach (var scoped in new[] { typeof(BreakGlassService), typeof(AccessLogService), typeof(ReviewService) })
            Assert.Contains(services, d => d.ServiceType == scoped && d.Lifetime == ServiceLifetime.Scoped);
        Assert.Contains(services, d => d.ServiceType == typeof(IAccessNotices) && d.ImplementationType == typeof(StreamAccessNotices));
    }
}
