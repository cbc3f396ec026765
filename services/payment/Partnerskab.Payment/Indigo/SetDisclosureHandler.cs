using Grpc.Core;
using NodaTime;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Payment.Indigo;

/// <summary>The kommune sets which parts of the partnership's INDIGO record are public; each setting is added, none changed.</summary>
public sealed class SetDisclosureHandler(PaymentDbContext db, IClock clock)
{
    public async Task<SetDisclosureResponse> HandleAsync(SetDisclosureRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.Check(request.Fields.Count > 0, "fields", "must hold at least one field");
        var setBy = context.Caller().Subject;
        var seen = new HashSet<IndigoField>();
        var settings = request.Fields.Select((f, i) =>
        {
            var field = v.Enum(f.Field, $"fields[{i}].field");
            if (field != IndigoField.Unspecified) v.Check(seen.Add(field), $"fields[{i}].field", $"'{field}' is given twice");
            return new DisclosureSetting
            {
                Id = Guid.CreateVersion7(),
                PartnershipId = partnershipId,
                Part = (IndigoPart)field,
                Status = (FieldStatus)v.Enum(f.Disclosure, $"fields[{i}].disclosure"),
                SetBy = setBy,
            };
        }).ToList();
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Of two settings at once, the one that takes the lock later is the newer, as its answer says.
        await AdvisoryLocks.LockAsync(db, $"disclosure:{partnershipId}", cancellationToken);
        var setAt = clock.GetCurrentInstant();
        foreach (var setting in settings) setting.SetAt = setAt;
        db.DisclosureSettings.AddRange(settings);
        await db.SaveChangesAsync(cancellationToken);
        var current = await DisclosureSettings.CurrentAsync(db, partnershipId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var response = new SetDisclosureResponse();
        response.Fields.AddRange(DisclosureSettings.ToProto(current));
        return response;
    }
}
