using KMN.Orleans.Silo.Health;
using KMN.Orleans.Silo.Hosting;

// `KMN.Orleans.Silo migrate` applies deploy/sql and exits (the compose/k8s migration job);
// with no command it runs a silo plus its health endpoints.
if (args.Length > 0 && args[0] == "migrate")
    return await MigrateCommand.RunAsync(args[1..]);
// `KMN.Orleans.Silo audit-verify` checks the audit trail's hash chains and reports any break.
if (args.Length > 0 && args[0] == "audit-verify")
    return await KMN.Orleans.Silo.Audit.AuditVerifyCommand.RunAsync(args[1..]);
// `KMN.Orleans.Silo pki ...` is the network PKI tool (deploy/pki.sh).
if (args.Length > 0 && args[0] == "pki")
    return await KMN.Orleans.Silo.Pki.PkiCommand.RunAsync(args[1..]);

// Content root = the binaries folder, so appsettings.json is found whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddSingleton<SiloReadiness>();
builder.Services.AddHostedService<SiloSupervisor>();
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(40));

var app = builder.Build();
app.MapSiloHealth();
await app.RunAsync();
return 0;
