using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Partnerskab.ServiceDefaults.Persistence;

/// <summary>
/// Turns off the savepoint EF Core wraps around every SaveChanges inside an explicit
/// transaction: the services never carry on with a transaction after a failed save (they roll
/// it back or answer), and the savepoint costs two round trips on every save of every message.
/// </summary>
public sealed class NoAutoSavepoints : SaveChangesInterceptor
{
    public static NoAutoSavepoints Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        TurnOff(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        TurnOff(eventData);
        return ValueTask.FromResult(result);
    }

    private static void TurnOff(DbContextEventData eventData)
    {
        if (eventData.Context is { } context) context.Database.AutoSavepointsEnabled = false;
    }
}
