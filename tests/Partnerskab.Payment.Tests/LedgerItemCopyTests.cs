using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.Persistence;

namespace Partnerskab.Payment.Tests;

/// <summary>The ledger's second write path, the binary COPY, pinned to the EF model it must not drift from.</summary>
public sealed class LedgerItemCopyTests
{
    [Fact]
    public void The_ledgers_copy_writes_every_column_the_model_maps_and_no_other()
    {
        using var db = new PaymentDesignTimeFactory().CreateDbContext([]);
        var entity = db.Model.FindEntityType(typeof(LedgerItem)).ShouldNotBeNull();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());

        var mapped = entity.GetProperties().Select(p => p.GetColumnName(table)).ToList();

        LedgerItemCopy.Columns.ShouldBe(mapped, ignoreOrder: true);
        LedgerItemCopy.Columns.ShouldBeUnique();
    }
}
