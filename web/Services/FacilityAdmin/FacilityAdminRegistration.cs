using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KMN.Orleans.Web.Services.FacilityAdmin;

/// <summary>The facility administration pages' service. Needs AddKmnServices and the sign-in's ICurrentStaff.</summary>
public static class FacilityAdminRegistration
{
    public static IServiceCollection AddKmnFacilityAdmin(this IServiceCollection services)
    {
        // Scoped: it asks ICurrentStaff, which is the circuit's signed-in user.
        services.TryAddScoped<IFacilityAdminService, ClusterFacilityAdminService>();
        return services;
    }

    /// <summary>
    /// The registered service, or one made on the spot from the cluster client when the host has not called
    /// <see cref="AddKmnFacilityAdmin"/> (the pages then still work).
    /// </summary>
    public static IFacilityAdminService Resolve(IServiceProvider services) =>
        services.GetService<IFacilityAdminService>() ?? ActivatorUtilities.CreateInstance<ClusterFacilityAdminService>(services);
}
