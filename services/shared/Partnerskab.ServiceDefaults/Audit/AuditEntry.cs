using Microsoft.EntityFrameworkCore;
using NodaTime;
using NpgsqlTypes;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.ServiceDefaults.Audit;

/// <summary>
/// One call that read or wrote citizen-level data: who, which RPC, which citizens (pseudonyms
/// only), when and with which status. Rows are only ever inserted; a trigger refuses the rest.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Insertion order, which keyset paging follows.</summary>
    public long Id { get; init; }
    public Instant RecordedAt { get; init; }
    public required string Subject { get; init; }
    public required List<string> Roles { get; init; }
    public string? Organisation { get; init; }
    public required string Rpc { get; init; }
    public Guid? PartnershipId { get; init; }
    public required List<string> CitizenIds { get; init; }
    public int CitizenRecords { get; init; }
    public required string StatusCode { get; init; }
}

public static class AuditModel
{
    public const string Table = "audit_entries";

    /// <summary>How the writer stores entries: one binary COPY, no generated ids to read back.</summary>
    public static CopyColumns<AuditEntry> Copy { get; } = new(Table, leftToDefaults: ["id"],
        ("recorded_at", (w, e, ct) => w.WriteAsync(e.RecordedAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct)),
        ("subject", (w, e, ct) => w.WriteAsync(e.Subject, NpgsqlDbType.Varchar, ct)),
        ("roles", (w, e, ct) => w.WriteAsync(e.Roles, NpgsqlDbType.Array | NpgsqlDbType.Text, ct)),
        ("organisation", (w, e, ct) => w.WriteNullableAsync(e.Organisation, NpgsqlDbType.Varchar, ct)),
        ("rpc", (w, e, ct) => w.WriteAsync(e.Rpc, NpgsqlDbType.Varchar, ct)),
        ("partnership_id", (w, e, ct) => w.WriteNullableAsync(e.PartnershipId, NpgsqlDbType.Uuid, ct)),
        ("citizen_ids", (w, e, ct) => w.WriteAsync(e.CitizenIds, NpgsqlDbType.Array | NpgsqlDbType.Text, ct)),
        ("citizen_records", (w, e, ct) => w.WriteAsync(e.CitizenRecords, NpgsqlDbType.Integer, ct)),
        ("status_code", (w, e, ct) => w.WriteAsync(e.StatusCode, NpgsqlDbType.Varchar, ct)));

    /// <summary>Adds the audit table to a service's EF model.</summary>
    public static ModelBuilder AddAuditLog(this ModelBuilder model)
    {
        model.Entity<AuditEntry>(entry =>
        {
            entry.ToTable(Table);
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).UseIdentityAlwaysColumn();
            entry.Property(e => e.Subject).HasMaxLength(200);
            entry.Property(e => e.Organisation).HasMaxLength(20);
            entry.Property(e => e.Rpc).HasMaxLength(200);
            entry.Property(e => e.StatusCode).HasMaxLength(40);
            entry.HasIndex(e => e.RecordedAt);
            entry.HasIndex(e => new { e.Subject, e.RecordedAt });
            entry.HasIndex(e => new { e.PartnershipId, e.RecordedAt });
        });
        return model;
    }

    /// <summary>
    /// The trigger that makes the audit table append-only, run by each service's AuditLog
    /// migration: a change to it belongs in a new constant and new migrations, never here.
    /// </summary>
    public const string CreateAppendOnlyTrigger = """
        CREATE FUNCTION refuse_change_of_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit entries are never changed or deleted (% on %)', TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'restrict_violation';
        END $$;
        CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
            FOR EACH ROW EXECUTE FUNCTION refuse_change_of_audit_entry();
        CREATE TRIGGER audit_entries_never_truncated BEFORE TRUNCATE ON audit_entries
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_audit_entry();
        """;

    public const string DropAppendOnlyTrigger = """
        DROP TRIGGER audit_entries_never_truncated ON audit_entries;
        DROP TRIGGER audit_entries_append_only ON audit_entries;
        DROP FUNCTION refuse_change_of_audit_entry();
        """;
}
