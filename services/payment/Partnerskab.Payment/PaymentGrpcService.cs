using NodaTime;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Payment;

/// <summary>
/// The payment service's gRPC API. Each feature folder holds its part of this partial class,
/// beside that feature's rules and persistence.
/// </summary>
public sealed partial class PaymentGrpcService(PaymentDbContext db, IClock clock) : PaymentService.PaymentServiceBase;
