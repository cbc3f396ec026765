using Partnerskab.Cohort;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Cohort.Retention;
using Partnerskab.Messaging;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.ServiceDefaults.Persistence;
using Partnerskab.ServiceDefaults.Retention;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("cohort", CohortAccess.Policy, CohortAccess.Audited);
builder.AddServiceDatabase<CohortDbContext>();
builder.Services.AddCohortRpcHandlers();
builder.AddMessaging<CohortDbContext>("cohort");
builder.Services.AddSingleton(CprPseudonymizer.FromConfiguration(builder.Configuration));
builder.Services.Configure<RetentionOptions>(builder.Configuration.GetSection(RetentionOptions.Section));
builder.Services.AddSingleton<CitizenDataRetention>();
builder.Services.AddHostedService(services => services.GetRequiredService<CitizenDataRetention>());

var app = builder.Build();
app.MapServiceDefaults();
app.MapGrpcService<CohortGrpcService>();
if (!await app.MigrateDatabaseAsync<CohortDbContext>()) return;
await app.RunAsync();
