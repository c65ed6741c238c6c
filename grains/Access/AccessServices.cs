using KMN.Orleans.Grains.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KMN.Orleans.Grains.Access;

/// <summary>Registrations of consent, access decision, break-the-glass and the audit trail.</summary>
public static class AccessServices
{
    public static IServiceCollection AddKmnAccessPostgres(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section);
        services.TryAddSingleton<IAuditTrail, NpgsqlAuditTrail>();
        services.TryAddSingleton<ConsentStore>();
        services.TryAddSingleton<BreakGlassStore>();
        services.AddSingleton<IIncomingGrainCallFilter, StoreExceptionFilter>();
        return services;
    }

    public static IServiceCollection AddKmnAccessInMemory(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>();
        services.TryAddSingleton<IAuditTrail, InMemoryAuditTrail>();
        return services;
    }
}
