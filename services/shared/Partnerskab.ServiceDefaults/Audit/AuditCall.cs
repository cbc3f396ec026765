using NodaTime;
using Partnerskab.ServiceDefaults.Access;

namespace Partnerskab.ServiceDefaults.Audit;

/// <summary>
/// What one audited gRPC call has read or written so far, told by its handler with
/// <see cref="Citizens"/> (only the handler knows the pseudonyms: a request may name a citizen by
/// CPR number or case reference, a list answers with many). The pseudonyms a business write
/// saves are written in the same transaction (<see cref="AuditSaveChangesInterceptor"/>); the
/// rest, and every refused or failed call, in one entry after the call (<see cref="AuditInterceptor"/>).
/// </summary>
public sealed class AuditCall
{
    private static readonly AsyncLocal<AuditCall?> current = new();

    private readonly Caller caller;
    private readonly IClock clock;
    private HashSet<string> pending = [];
    private int pendingRecords;
    private readonly List<(AuditEntry Entry, HashSet<string> Citizens, int Records)> saved = [];

    internal AuditCall(string rpc, Caller caller, Guid? partnershipId, IClock clock)
    {
        Rpc = rpc;
        this.caller = caller;
        this.clock = clock;
        PartnershipId = partnershipId;
    }

    /// <summary>The audited call this code runs in, if any (consumers and background jobs run in none).</summary>
    public static AuditCall? Current => current.Value;

    public string Rpc { get; }
    public Guid? PartnershipId { get; private set; }
    internal bool Finished { get; private set; }
    internal bool WroteWithBusinessWrite { get; private set; }

    /// <summary>The entry added to the save in progress, if any.</summary>
    internal AuditEntry? SavingNow { get; set; }

    /// <summary>Tells the audit log that the call read or wrote these citizens' records (one per pseudonym given, repeats allowed).</summary>
    public static void Citizens(Guid partnershipId, IEnumerable<string> pseudonyms)
    {
        if (current.Value is not { } call) return;
        call.PartnershipId ??= partnershipId;
        foreach (var pseudonym in pseudonyms)
        {
            call.pending.Add(pseudonym);
            call.pendingRecords++;
        }
    }

    public static void Citizen(Guid partnershipId, string pseudonym) => Citizens(partnershipId, [pseudonym]);

    internal void NamePartnership(Guid partnershipId) => PartnershipId ??= partnershipId;

    internal static AuditCall Begin(string rpc, Caller caller, Guid? partnershipId, IClock clock) =>
        current.Value = new AuditCall(rpc, caller, partnershipId, clock);

    /// <summary>An entry for the citizens told since the last one, to save with the business write; null when there are none.</summary>
    internal AuditEntry? TakePendingForSave()
    {
        if (Finished || pending.Count == 0) return null;
        var entry = NewEntry(pending, pendingRecords, "OK");
        saved.Add((entry, pending, pendingRecords));
        pending = [];
        pendingRecords = 0;
        return entry;
    }

    /// <summary>The save that carried the entry failed or its transaction rolled back: its citizens are pending again.</summary>
    internal void Unsaved(AuditEntry entry)
    {
        var index = saved.FindIndex(s => s.Entry == entry);
        if (index < 0) return;
        pending.UnionWith(saved[index].Citizens);
        pendingRecords += saved[index].Records;
        saved.RemoveAt(index);
    }

    /// <summary>The entries saved in a transaction (or a save outside one) are committed.</summary>
    internal void Committed(IEnumerable<AuditEntry> entries)
    {
        var committed = entries.ToHashSet();
        if (saved.RemoveAll(s => committed.Contains(s.Entry)) > 0) WroteWithBusinessWrite = true;
    }

    internal IReadOnlyList<AuditEntry> Uncommitted => saved.Select(s => s.Entry).ToList();

    /// <summary>
    /// The entry to write once the call is over: every refused or failed call gets one, and a
    /// successful call one for whatever no committed business write has recorded.
    /// </summary>
    internal AuditEntry? Finish(string statusCode)
    {
        Finished = true;
        foreach (var (entry, _, _) in saved.ToList()) Unsaved(entry);
        if (statusCode == "OK" && WroteWithBusinessWrite && pending.Count == 0) return null;
        return NewEntry(pending, pendingRecords, statusCode);
    }

    private AuditEntry NewEntry(HashSet<string> citizens, int records, string statusCode) => new()
    {
        RecordedAt = clock.GetCurrentInstant(),
        Subject = caller.Subject,
        Roles = [.. caller.Roles],
        Organisation = caller.Organisation,
        Rpc = Rpc,
        PartnershipId = PartnershipId,
        CitizenIds = [.. citizens.Order(StringComparer.Ordinal)],
        CitizenRecords = records,
        StatusCode = statusCode,
    };
}
