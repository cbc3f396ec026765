namespace Partnerskab.ServiceDefaults.Persistence;

/// <summary>
/// Whether a database's migration history is one this build can carry forward. A database that
/// has applied a migration this build does not know was made by another schema history (one whose
/// migrations were since squashed into a single initial one, or a newer build): applying this
/// build's migrations to it would fail half-way or corrupt it, so the service refuses to start.
/// </summary>
public static class MigrationHistory
{
    /// <summary>The applied migrations this build does not know, in the order they were applied.</summary>
    public static IReadOnlyList<string> Unknown(IEnumerable<string> applied, IEnumerable<string> known)
    {
        var knownIds = known.ToHashSet(StringComparer.Ordinal);
        return applied.Where(id => !knownIds.Contains(id)).ToList();
    }

    public static string Explain(string database, IReadOnlyList<string> unknown) =>
        $"The database {database} has applied migrations this build does not have ({string.Join(", ", unknown)}). " +
        "It was made by an earlier schema history, before the migrations were squashed into one initial migration, " +
        "or by a newer build. Restore a backup made by this build or recreate the database (deploy/up.sh " +
        "--recreate-databases drops and recreates the local ones); this service does not migrate it.";
}
