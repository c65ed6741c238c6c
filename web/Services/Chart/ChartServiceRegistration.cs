using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>
/// The clinician portal's services (search, chart, live updates). Needs AddKmnServices (GrainCallGuard,
/// NetworkDirectoryService) and the sign-in's ICurrentStaff registered beside it.
/// </summary>
public static class ChartServiceRegistration
{
    public static IServiceCollection AddKmnChart(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IChartRecordSource, ClusterChartRecordSource>();
        services.AddSingleton<IPatientDirectorySource, ClusterPatientDirectorySource>();
        services.AddSingleton<IFacilityNamesSource, FacilityDirectory>();
        services.AddSingleton<IPatientAccessSource, ClusterPatientAccessSource>();
        services.AddSingleton<IRecordChangeSubscriber, ClusterRecordChangeSubscriber>();
        services.AddSingleton<IRecordFingerprintSource, ClusterRecordFingerprints>();
        services.AddSingleton<IChartLiveFeed, PushChartLiveFeed>();
        services.AddSingleton<ChartViewCache>();
        // Scoped: they ask ICurrentStaff, which is the circuit's signed-in user.
        services.AddScoped<ChartService>();
        services.AddScoped<PatientSearchService>();
        return services;
    }
}
