using System.Data.Common;
using Npgsql;

namespace Partnerskab.ServiceDefaults.Persistence;

/// <summary>Which database failures go away by themselves, so that the work is tried again rather than given up.</summary>
public static class DatabaseFaults
{
    /// <summary>
    /// A fault of the database's reachability, not of the work: connection refused or broken, server shutting
    /// down or starting, however EF Core wrapped it. With several hosts in the connection string, Npgsql reports
    /// the hosts' failures gathered in an <see cref="AggregateException"/>, and while every host is ruled out by
    /// what it last found (one offline, the other still a standby during a failover) none at all ("No suitable
    /// host was found."); neither is marked transient by Npgsql, and both end once a primary is reachable.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        DbException { IsTransient: true } => true,
        NpgsqlException { InnerException: AggregateException hosts } => hosts.InnerExceptions.Any(IsTransient),
        NpgsqlException { InnerException: null } and not PostgresException => exception.Message == NoSuitableHost,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    /// <summary>Npgsql's message when its multi-host data source skipped every host by their cached states.</summary>
    private const string NoSuitableHost = "No suitable host was found.";
}
