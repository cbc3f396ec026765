using Npgsql;

namespace Partnerskab.Testing;

/// <summary>A service's audit table read directly, as an attacker with the database would.</summary>
public static class AuditTable
{
    /// <summary>Every row of audit_entries as one text, to search for what must never be there.</summary>
    public static async Task<string> TextAsync(NpgsqlConnection connection)
    {
        await using var query = new NpgsqlCommand("SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM audit_entries t", connection);
        return (string)(await query.ExecuteScalarAsync())!;
    }
}
