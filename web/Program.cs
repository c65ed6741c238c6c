using KMN.Orleans.Web.Auth;
using KMN.Orleans.Web.Components;
using KMN.Orleans.Web.Fhir;
using KMN.Orleans.Web.Health;
using KMN.Orleans.Web.Hosting;
using KMN.Orleans.Web.Services.Access;
using KMN.Orleans.Web.Services.Chart;
using KMN.Orleans.Web.Services.FacilityAdmin;
using MudBlazor.Services;
using System.Text.Encodings.Web;
using System.Text.Unicode;

// Content root = the binaries folder, so appsettings.json is found whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Serve package assets (MudBlazor's _content, blazor.web.js) when running from the build output in any
// environment, not only Development; published output carries them in wwwroot and this is a no-op there.
builder.WebHost.UseStaticWebAssets();

// Emit Japanese as characters, not &#x...; entities: smaller pages that read (and grep) as written.
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

builder.AddKmnOrleansClient();
builder.Services.AddKmnLocalization();
builder.Services.AddKmnServices();
builder.Services.AddKmnChart();
builder.Services.AddKmnAccess();
builder.Services.AddKmnFacilityAdmin();
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.AddKmnListeners();
builder.AddKmnAuth();
builder.AddKmnFhirApi();

var app = builder.Build();

app.UseKmnListenerGate();
if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseKmnLocalization();
app.UseKmnAuth();
app.UseAntiforgery();
app.UseKmnDashboard();

app.MapStaticAssets();
app.MapWebHealth();
app.MapCultureSwitch();
app.MapKmnSignIn();
app.MapKmnFhirApi();
app.MapConsentForms();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunUntilStoppedAsync();
