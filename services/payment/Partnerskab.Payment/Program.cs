using Partnerskab.Contracts;
using Partnerskab.Messaging;
using Partnerskab.Payment;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.Partnerships;
using Partnerskab.Payment.Persistence;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("payment", PaymentAccess.Policy, PaymentAccess.Audited);
builder.AddServiceDatabase<PaymentDbContext>();
builder.Services.AddPaymentRpcHandlers();
builder.AddMessaging<PaymentDbContext>("payment", bus =>
{
    bus.AddInboxConsumer<EarnHandoverFee>(ConsumerQueues.EarnHandoverFee, InboxConsumerRegistration.BulkBatchSize);
    bus.AddInboxConsumer<EarnSingleHandoverFee>(ConsumerQueues.EarnHandoverFee, InboxConsumerRegistration.BulkBatchSize);
    bus.AddInboxConsumer<EarnMilestonePayment>(ConsumerQueues.EarnMilestonePayment, InboxConsumerRegistration.BulkBatchSize);
    bus.AddInboxConsumer<EarnSingleMilestonePayment>(ConsumerQueues.EarnMilestonePayment, InboxConsumerRegistration.BulkBatchSize);
    bus.AddInboxConsumer<EarnDeliverableFee>(ConsumerQueues.EarnDeliverableFee);
    bus.AddInboxConsumer<CreditRevokedMilestone>(ConsumerQueues.CreditRevokedMilestone);
    bus.AddInboxConsumer<CreditWronglyEnrolledHandover>(ConsumerQueues.CreditWronglyEnrolledHandover);
    bus.AddInboxConsumer<KeepRegisteredPartnership>(ConsumerQueues.KeepRegisteredPartnership);
    bus.AddInboxConsumer<KeepAmendedPartnership>(ConsumerQueues.KeepAmendedPartnership);
});

var app = builder.Build();
app.MapServiceDefaults();
app.MapGrpcService<PaymentGrpcService>();
if (!await app.MigrateDatabaseAsync<PaymentDbContext>()) return;
await app.RunAsync();
