using Partnerskab.Contracts;
using Partnerskab.Messaging;
using Partnerskab.Outcome;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Retention;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.ServiceDefaults.Persistence;

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

var app = builder.Build();
app.MapServiceDefaults();
app.MapGrpcService<OutcomeGrpcService>();
if (!await app.MigrateDatabaseAsync<OutcomeDbContext>()) return;
await app.RunAsync();
