using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KMN.Orleans.Web.Services.Access;

/// <summary>
/// Break-the-glass, the access log, the review queue and their live notices. Needs AddKmnServices
/// (GrainCallGuard), AddKmnChart (facility names) and the sign-in's ICurrentStaff beside it.
/// </summary>
public static class AccessServiceRegistration
{
    public static IServiceCollection AddKmnAccess(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IAccessSource, ClusterAccessSource>();
        services.AddSingleton<IAccessNotices, StreamAccessNotices>();
        // Scoped: they ask ICurrentStaff, which is the circuit's signed-in user.
        services.AddScoped<BreakGlassService>();
        services.AddScoped<AccessLogService>();
        services.AddScoped<ReviewService>();
        return services;
    }
}
