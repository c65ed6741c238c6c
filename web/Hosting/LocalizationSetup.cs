using Microsoft.AspNetCore.Localization;

namespace KMN.Orleans.Web.Hosting;

/// <summary>
/// .resx localization: neutral resources are Japanese, *.en.resx English. Only the culture cookie chooses
/// English; the browser's Accept-Language is ignored so every user starts in Japanese.
/// </summary>
public static class LocalizationSetup
{
    public static IServiceCollection AddKmnLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(KmnCultures.Japanese)
                .AddSupportedCultures(KmnCultures.Supported)
                .AddSupportedUICultures(KmnCultures.Supported);
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static WebApplication UseKmnLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }
}
