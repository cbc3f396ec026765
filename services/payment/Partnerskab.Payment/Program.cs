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
    bus.AddInboxConsumer<EarnHandoverFee>();
    bus.AddInboxConsumer<EarnMilestonePayment>();
    bus.AddInboxConsumer<EarnDeliverableFee>();
    bus.AddInboxConsumer<CreditRevokedMilestone>();
    bus.AddInboxConsumer<CreditWronglyEnrolledHandover>();
    bus.AddInboxConsumer<KeepRegisteredPartnership>();
    bus.AddInboxConsumer<KeepAmendedPartnership>();
});

var app = builder.Build();
app.MapServiceDefaults();
app.MapGrpcService<PaymentGrpcService>();
await app.MigrateDatabaseAsync<PaymentDbContext>();
await app.RunAsync();
