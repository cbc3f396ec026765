namespace Partnerskab.ServiceDefaults.Persistence;

/// <summary>What a process does with its database's migrations at start-up (Database:Migrations, environment Database__Migrations).</summary>
public enum MigrationMode
{
    /// <summary>Apply the pending migrations, then serve: one process per database, as deploy/up.sh and docker compose run it.</summary>
    Apply,

    /// <summary>Apply the pending migrations and exit without serving: the once-per-release step (a Kubernetes Job).</summary>
    ApplyAndExit,

    /// <summary>Apply nothing; wait until no migration is pending (the release's job applies them), then serve: the replicas.</summary>
    Await,
}
