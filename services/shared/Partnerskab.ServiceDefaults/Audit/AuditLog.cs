using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Protos.Audit.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Paging;

namespace Partnerskab.ServiceDefaults.Audit;

/// <summary>
/// ListAuditEntries, the same in every service: the entries matching the filter in the order they
/// were written, in keyset pages. An auditor whose token names partnerships sees only their entries.
/// </summary>
public static class AuditLog
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    private const string List = "audit";

    public sealed record Page(IReadOnlyList<Protos.Audit.V1.AuditEntry> Entries, string NextPageToken);

    public static async Task<Page> ListAsync(
        DbContext db, Caller caller, AuditFilter? filter, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        filter ??= new AuditFilter();
        var v = new RequestValidator();
        var from = OptionalInstant(v, filter.RecordedFrom, "filter.recorded_from");
        var before = OptionalInstant(v, filter.RecordedBefore, "filter.recorded_before");
        if (from is { } f && before is { } b) v.Check(f < b, "filter.recorded_before", "must be after recorded_from");
        var subject = v.OptionalText(filter.Subject, "filter.subject");
        var citizen = filter.CitizenId.Trim();
        if (citizen.Length > 0) v.Check(Contracts.Pseudonym.IsWellFormed(citizen), "filter.citizen_id", "must be a citizen pseudonym: 32 lowercase hex characters");
        Guid? partnershipId = filter.PartnershipId.Length > 0 ? v.Id(filter.PartnershipId, "filter.partnership_id") : null;
        v.Check(pageSize is >= 0 and <= MaxPageSize, "page_size", $"must be between 0 and {MaxPageSize} (0 means {DefaultPageSize})");
        var after = PageToken.Read<long?>(v, pageToken, List, 1, key => long.TryParse(key[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null);
        v.ThrowIfInvalid();
        if (partnershipId is { } named) caller.EnsureMayActFor(named);

        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!caller.MayActForEveryPartnership)
        {
            var scope = caller.Partnerships;
            query = query.Where(e => e.PartnershipId != null && scope.Contains(e.PartnershipId.Value));
        }
        if (from is { } start) query = query.Where(e => e.RecordedAt >= start);
        if (before is { } end) query = query.Where(e => e.RecordedAt < end);
        if (subject.Length > 0) query = query.Where(e => e.Subject == subject);
        if (citizen.Length > 0) query = query.Where(e => e.CitizenIds.Contains(citizen));
        if (partnershipId is { } id) query = query.Where(e => e.PartnershipId == id);
        if (after is { } afterId) query = query.Where(e => e.Id > afterId);

        var size = pageSize == 0 ? DefaultPageSize : pageSize;
        var page = await query.OrderBy(e => e.Id).Take(size + 1).ToListAsync(cancellationToken);
        var entries = page.Take(size).Select(ToProto).ToList();
        return new Page(entries, page.Count > size ? PageToken.Write(List, page[size - 1].Id.ToString(CultureInfo.InvariantCulture)) : "");
    }

    private static Protos.Audit.V1.AuditEntry ToProto(AuditEntry entry) => new()
    {
        EntryId = entry.Id.ToString(),
        RecordedAt = Timestamp.FromDateTimeOffset(entry.RecordedAt.ToDateTimeOffset()),
        Subject = entry.Subject,
        Roles = { entry.Roles },
        Organisation = entry.Organisation ?? "",
        Rpc = entry.Rpc,
        PartnershipId = entry.PartnershipId?.ToString() ?? "",
        CitizenIds = { entry.CitizenIds },
        CitizenRecords = entry.CitizenRecords,
        StatusCode = entry.StatusCode,
    };

    private static Instant? OptionalInstant(RequestValidator v, Timestamp? timestamp, string field)
    {
        if (timestamp is null) return null;
        // Timestamp's own range, 0001-01-01 to 9999-12-31, with nanos inside a second.
        if (timestamp.Seconds is < -62_135_596_800 or > 253_402_300_799 || timestamp.Nanos is < 0 or > 999_999_999)
        {
            v.Add(field, "is not a valid timestamp");
            return null;
        }
        return Instant.FromDateTimeOffset(timestamp.ToDateTimeOffset());
    }
}
