using NpgsqlTypes;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.Persistence;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Payment.Tests;

/// <summary>The payment service's second write paths, its binary COPYs, pinned to the EF model they must not drift from.</summary>
public sealed class CopyColumnsTests
{
    private static readonly PaymentDbContext Db = new PaymentDesignTimeFactory().CreateDbContext([]);

    [Fact]
    public void The_ledgers_copy_writes_every_column_the_model_maps_and_no_other() =>
        LedgerItemCopy.Columns.DriftFrom(Db.Model.FindEntityType(typeof(LedgerItem))!).ShouldBeEmpty();

    [Fact]
    public void The_audit_logs_copy_leaves_only_the_generated_id_to_the_database() =>
        AuditModel.Copy.DriftFrom(Db.Model.FindEntityType(typeof(AuditEntry))!).ShouldBeEmpty();

    [Fact]
    public void A_copy_that_misses_a_mapped_column_or_names_an_unmapped_one_is_told_apart()
    {
        var copy = new CopyColumns<LedgerItem>("ledger_items", leftToDefaults: ["id", "vat_ore"],
            ("id", (w, i, ct) => w.WriteAsync(i.Id, NpgsqlDbType.Uuid, ct)));

        var drift = copy.DriftFrom(Db.Model.FindEntityType(typeof(LedgerItem))!);

        drift.ShouldContain("amount_ore is mapped but neither written nor left to its default");
        drift.ShouldContain("vat_ore is not mapped");
        drift.ShouldContain("id is named twice");
        new CopyColumns<LedgerItem>("ledger_item", leftToDefaults: LedgerItemCopy.Columns.Written)
            .DriftFrom(Db.Model.FindEntityType(typeof(LedgerItem))!)
            .ShouldBe(["the model maps LedgerItem to ledger_items, the COPY writes ledger_item"]);
    }
}
