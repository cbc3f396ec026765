namespace Partnerskab.Payment.Persistence;

/// <summary>
/// The SQL the migrations run beyond what EF Core writes (the ledger's totals and append-only
/// triggers, the issued documents' guard), kept in named files under Persistence/Sql, one per
/// migration and direction, embedded in the assembly. A file belongs to its migration and never
/// changes once released; a later change is a new migration with a file of its own.
/// </summary>
public static class MigrationSql
{
    /// <param name="name">The file's name without ".sql", e.g. "20261206141511_Initial.Up".</param>
    public static string Read(string name)
    {
        using var stream = typeof(MigrationSql).Assembly.GetManifestResourceStream($"sql/{name}.sql")
            ?? throw new InvalidOperationException($"No migration SQL named {name}: Persistence/Sql/{name}.sql is missing or not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
