using System.Globalization;
using KMN.Orleans.Web.Services.Chart;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace KMN.Orleans.PortalTests.Support;

/// <summary>
/// A bUnit context set up like the portal: MudBlazor, .resx localization in Japanese, MudBlazor's JavaScript
/// calls answered loosely (no browser here), and the chart services over fakes.
/// </summary>
public class PortalContext : BunitContext, IAsyncLifetime
{
    static PortalContext()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = new CultureInfo("ja-JP");
    }

    public PortalContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("ja-JP");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(TimeProvider.System);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// Renders as in the live circuit, where the portal's inputs are enabled (they are off in the prerendered copy).
    /// Call after the last service registration: setting the renderer info builds the service provider.
    /// </summary>
    public IRenderedComponent<T> RenderLive<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : IComponent
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return parameters is null ? Render<T>() : Render<T>(parameters);
    }

    // MudBlazor's services are only IAsyncDisposable: dispose the container asynchronously before xUnit's Dispose.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    /// <summary>Registers ChartService and PatientSearchService over the given fakes.</summary>
    public void UseChartServices(FakeCurrentStaff staff, FakeChartRecordSource records, IPatientDirectorySource? directory = null,
        FakeLiveFeed? live = null, IPatientAccessSource? access = null)
    {
        Services.AddSingleton<KMN.Orleans.Web.Auth.ICurrentStaff>(staff);
        Services.AddSingleton<IChartRecordSource>(records);
        Services.AddSingleton<IFacilityNamesSource, FakeFacilityNamesSource>();
        Services.AddSingleton<IPatientDirectorySource>(directory ?? new FakeDirectorySource(Profiles.Yamada));
        Services.AddSingleton<IChartLiveFeed>(live ?? new FakeLiveFeed());
        Services.AddSingleton<IPatientAccessSource>(access ?? KMN.Orleans.PortalTests.Services.FakePatientAccessSource.Everyone());
        Services.AddSingleton<ChartViewCache>();
        Services.AddScoped<ChartService>();
        Services.AddScoped<PatientSearchService>();
    }
}
