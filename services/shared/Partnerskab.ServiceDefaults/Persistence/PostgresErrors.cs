using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Partnerskab.ServiceDefaults.Persistence;

public static class PostgresErrors
{
    /// <summary>True when a save failed on a unique index or primary key.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
