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
builder.AddMessaging<PaymentDbContext>("payment", bus =>
{
    bus.AddConsumer<EarnHandoverFee>();
    bus.AddConsumer<EarnMilestonePayment>();
    bus.AddConsumer<EarnDeliverableFee>();
    bus.AddConsumer<CreditRevokedMilestone>();
    bus.AddConsumer<CreditWronglyEnrolledHandover>();
    bus.AddConsumer<KeepRegisteredPartnership>();
    bus.AddConsumer<KeepAmendedPartnership>();
});

var app = builder.Build();
app.MapServiceDefaults();
app.MapGrpcService<PaymentGrpcService>();
await app.MigrateDatabaseAsync<PaymentDbContext>();
await app.RunAsync();
