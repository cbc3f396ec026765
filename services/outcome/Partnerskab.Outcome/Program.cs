using Partnerskab.Contracts;
using Partnerskab.Messaging;
using Partnerskab.Outcome;
using Partnerskab.Outcome.Comparison;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Retention;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.ServiceDefaults.Persistence;
using Partnerskab.ServiceDefaults.Retention;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("outcome", OutcomeAccess.Policy, OutcomeAccess.Audited);
builder.AddServiceDatabase<OutcomeDbContext>();
builder.Services.AddOutcomeRpcHandlers();
builder.AddMessaging<OutcomeDbContext>("outcome", bus =>
{
    bus.AddInboxConsumer<OpenFollowUpOnHandover>(ConsumerQueues.OpenFollowUpOnHandover, InboxConsumerRegistration.BulkBatchSize);
    bus.AddInboxConsumer<OpenFollowUpOnSingleHandover>(ConsumerQueues.OpenFollowUpOnHandover, InboxConsumerRegistration.BulkBatchSize);
    bus.AddInboxConsumer<StopFollowUpOnExit>(ConsumerQueues.StopFollowUpOnExit);
    bus.AddInboxConsumer<EraseCitizenData>(ConsumerQueues.EraseCitizenData);
});
builder.AddCohortClient();
builder.Services.Configure<RetentionOptions>(builder.Configuration.GetSection(RetentionOptions.Section));
builder.Services.AddSingleton<ComparisonRetention>();
builder.Services.AddHostedService(services => services.GetRequiredService<ComparisonRetention>());

var app = builder.Build();
app.MapServiceDefaults();
app.MapGrpcService<OutcomeGrpcService>();
if (!await app.MigrateDatabaseAsync<OutcomeDbContext>()) return;
await app.RunAsync();
