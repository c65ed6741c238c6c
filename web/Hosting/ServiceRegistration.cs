using KMN.Orleans.Web.Services;

namespace KMN.Orleans.Web.Hosting;

/// <summary>The thin per-aggregate services that Razor components inject instead of calling grains.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddKmnServices(this IServiceCollection services)
    {
        services.AddSingleton<GrainCallGuard>();
        services.AddSingleton<ClusterHealthService>();
        services.AddSingleton<NetworkDirectoryService>();
        return services;
    }
}
