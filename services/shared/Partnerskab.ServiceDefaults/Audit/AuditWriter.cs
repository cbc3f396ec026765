using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Partnerskab.ServiceDefaults.Audit;

public interface IAuditWriter
{
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken);
}

/// <summary>
/// Inserts an entry on a DbContext of its own: the call's context may hold the changes of a
/// failed write, which must not be saved with it.
/// </summary>
public sealed class AuditWriter<TDb>(IServiceScopeFactory scopes) : IAuditWriter where TDb : DbContext
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        db.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }
}
