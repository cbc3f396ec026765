using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Payment.Persistence;
using Proto = Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Payment.Indigo;

/// <summary>The disclosure in force per part of a partnership's INDIGO record: the newest setting of each, private where none.</summary>
public static class DisclosureSettings
{
    public static async Task<IReadOnlyDictionary<IndigoPart, DisclosureSetting>> CurrentAsync(PaymentDbContext db, Guid partnershipId, CancellationToken cancellationToken)
    {
        var settings = await db.DisclosureSettings.AsNoTracking().Where(s => s.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        return settings.GroupBy(s => s.Part).ToDictionary(g => g.Key, g => g.MaxBy(s => (s.SetAt, s.Id))!);
    }

    public static IReadOnlyDictionary<IndigoPart, FieldStatus> Statuses(IReadOnlyDictionary<IndigoPart, DisclosureSetting> current) =>
        current.ToDictionary(c => c.Key, c => c.Value.Status);

    /// <summary>Every part, in the API's order, with its setting or private when never set.</summary>
    public static IEnumerable<Proto.FieldDisclosure> ToProto(IReadOnlyDictionary<IndigoPart, DisclosureSetting> current) =>
        System.Enum.GetValues<IndigoPart>().Select(part => current.TryGetValue(part, out var setting)
            ? new Proto.FieldDisclosure
            {
                Field = (Proto.IndigoField)part,
                Disclosure = (Proto.Disclosure)setting.Status,
                SetAt = Timestamp.FromDateTimeOffset(setting.SetAt.ToDateTimeOffset()),
                SetBy = setting.SetBy,
            }
            : new Proto.FieldDisclosure { Field = (Proto.IndigoField)part, Disclosure = Proto.Disclosure.Private });
}
