using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Partnerskab.Messaging;
using Partnerskab.Payment.Costs;
using Partnerskab.Payment.Indigo;
using Partnerskab.Payment.Investments;
using Partnerskab.Payment.Invoicing;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.Partnerships;
using Partnerskab.Payment.Periods;
using Partnerskab.Payment.RateCards;
using Partnerskab.Payment.Reconciliation;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Persistence;
using Partnerskab.ServiceDefaults.Recording;

namespace Partnerskab.Payment.Persistence;

public sealed class PaymentDbContext(DbContextOptions<PaymentDbContext> options) : DbContext(options)
{
    public DbSet<RateCard> RateCards => Set<RateCard>();
    public DbSet<LedgerItem> Ledger => Set<LedgerItem>();
    public DbSet<LedgerYearTotal> LedgerYearTotals => Set<LedgerYearTotal>();
    public DbSet<LedgerDayTotal> LedgerDayTotals => Set<LedgerDayTotal>();
    public DbSet<DocumentedDayTotal> DocumentedDayTotals => Set<DocumentedDayTotal>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceRun> InvoiceRuns => Set<InvoiceRun>();
    public DbSet<InvoiceNumberSeries> InvoiceNumberSeries => Set<InvoiceNumberSeries>();
    public DbSet<BankPayment> BankPayments => Set<BankPayment>();
    public DbSet<ClosedPeriod> ClosedPeriods => Set<ClosedPeriod>();
    public DbSet<InvestorCashFlow> InvestorCashFlows => Set<InvestorCashFlow>();
    public DbSet<DisclosureSetting> DisclosureSettings => Set<DisclosureSetting>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOutboxAndInbox();
        model.AddRecordedTimeMarks();
        model.AddAuditLog();
        model.Entity<RateCard>(card =>
        {
            card.HasKey(c => c.Id);
            card.HasIndex(c => new { c.PartnershipId, c.Version }).IsUnique();
            card.HasIndex(c => new { c.PartnershipId, c.EffectiveFrom }).IsUnique();
            card.OwnsMany(c => c.MilestonePrices, price =>
            {
                price.ToTable("rate_card_milestone_prices");
                price.WithOwner().HasForeignKey("RateCardId");
                price.HasKey("RateCardId", nameof(MilestonePrice.MilestoneCode));
                price.Property(p => p.MilestoneCode).HasMaxLength(50);
            });
            card.OwnsMany(c => c.DeliverableFees, fee =>
            {
                fee.ToTable("rate_card_deliverable_fees");
                fee.WithOwner().HasForeignKey("RateCardId");
                fee.HasKey("RateCardId", nameof(DeliverableFee.DeliverableKind));
                fee.Property(f => f.DeliverableKind).HasMaxLength(50);
            });
            card.OwnsMany(c => c.PeriodicFees, fee =>
            {
                fee.ToTable("rate_card_periodic_fees");
                fee.WithOwner().HasForeignKey("RateCardId");
                fee.HasKey("RateCardId", nameof(PeriodicFee.Code));
                fee.Property(f => f.Code).HasMaxLength(50);
            });
            card.OwnsMany(c => c.Budgets, budget =>
            {
                budget.ToTable("rate_card_budgets");
                budget.WithOwner().HasForeignKey("RateCardId");
                budget.HasKey("RateCardId", nameof(YearBudget.Year));
                budget.Property(b => b.Year).ValueGeneratedNever();
            });
            card.OwnsMany(c => c.Payers, payer =>
            {
                payer.ToTable("rate_card_payers");
                payer.WithOwner().HasForeignKey("RateCardId");
                payer.HasKey("RateCardId", nameof(Payer.PayerId));
                payer.Property(p => p.PayerId).HasMaxLength(50);
                payer.Property(p => p.Name).HasMaxLength(200);
                payer.Property(p => p.Cvr).HasMaxLength(8);
                payer.Property(p => p.Ean).HasMaxLength(13);
            });
            card.Property(c => c.RemainderPayerId).HasMaxLength(50);
            card.Property(c => c.PayeeBankRegistrationNumber).HasMaxLength(4);
            card.Property(c => c.PayeeAccountNumber).HasMaxLength(10);
        });
        model.Entity<LedgerItem>(item =>
        {
            item.ToTable("ledger_items");
            item.HasKey(i => i.Id);
            // One item per cause and payer: a milestone or a handover is never paid twice.
            item.HasIndex(i => new { i.CauseKey, i.PayerId }).IsUnique();
            item.Property(i => i.PayerId).HasMaxLength(50);
            // The ledger's order: a page of GetLedger is one range of it.
            item.HasIndex(i => new { i.PartnershipId, i.EarnedOn, i.Id });
            // Covers the sums per citizen (the cap check's, the cost report's) without reading the items.
            item.HasIndex(i => new { i.PartnershipId, i.CitizenId }).IncludeProperties(i => new { i.EarnedOn, i.AmountOre });
            item.Property(i => i.CauseKey).HasMaxLength(250);
            item.Property(i => i.CitizenId).HasMaxLength(64);
            item.Property(i => i.Code).HasMaxLength(50);
            item.Property(i => i.PricingNote).HasMaxLength(500);
            item.Property(i => i.CorrectionKind).HasMaxLength(20);
            item.Property(i => i.CorrectionReference).HasMaxLength(100);
            item.Property(i => i.CorrectionReportedBy).HasMaxLength(200);
            // The few items earned while no rate card priced them, which a new rate card version may price.
            item.HasIndex(i => i.PartnershipId).HasFilter("unpriced").HasDatabaseName("ix_ledger_items_unpriced");
        });
        model.Entity<LedgerYearTotal>(total =>
        {
            total.ToTable("ledger_year_totals");
            total.HasKey(t => new { t.PartnershipId, t.Year });
        });
        model.Entity<LedgerDayTotal>(total =>
        {
            total.ToTable("ledger_day_totals");
            total.HasKey(t => new { t.PartnershipId, t.EarnedOn, t.BookedOn, t.Kind, t.CreditedKind, t.PayerId });
            total.Property(t => t.PayerId).HasMaxLength(50);
        });
        model.Entity<DocumentedDayTotal>(total =>
        {
            total.ToTable("documented_day_totals");
            total.HasKey(t => new { t.PartnershipId, t.IssueDate, t.EarnedOn, t.BookedOn, t.PayerId });
            total.Property(t => t.PayerId).HasMaxLength(50);
        });
        model.Entity<Partnership>(partnership =>
        {
            partnership.ToTable("partnerships");
            partnership.HasKey(p => p.PartnershipId);
            partnership.Property(p => p.PartnershipId).ValueGeneratedNever();
            partnership.Property(p => p.Reference).HasMaxLength(100);
            partnership.Property(p => p.Name).HasMaxLength(200);
            partnership.Property(p => p.KommuneName).HasMaxLength(200);
            partnership.Property(p => p.KommuneCvr).HasMaxLength(8);
            partnership.Property(p => p.KommuneEan).HasMaxLength(13);
            partnership.Property(p => p.ProviderName).HasMaxLength(200);
            partnership.Property(p => p.ProviderCvr).HasMaxLength(8);
        });
        model.Entity<Invoice>(invoice =>
        {
            invoice.ToTable("invoices");
            invoice.HasKey(i => i.Id);
            // Gapless numbering rests on the number series; this makes a doubled number impossible too.
            invoice.HasIndex(i => new { i.IssuerCvr, i.Number }).IsUnique();
            invoice.HasIndex(i => new { i.PartnershipId, i.IssueDate });
            invoice.HasIndex(i => i.CreditedInvoiceId);
            invoice.HasOne<InvoiceRun>().WithMany().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Restrict);
            invoice.HasOne<Invoice>().WithMany().HasForeignKey(i => i.CreditedInvoiceId).OnDelete(DeleteBehavior.Restrict);
            invoice.Property(i => i.IssuerCvr).HasMaxLength(8);
            invoice.Property(i => i.SellerName).HasMaxLength(200);
            invoice.Property(i => i.PayerId).HasMaxLength(50);
            invoice.Property(i => i.BuyerName).HasMaxLength(200);
            invoice.Property(i => i.BuyerCvr).HasMaxLength(8);
            invoice.Property(i => i.BuyerEan).HasMaxLength(13);
            invoice.Property(i => i.BuyerReference).HasMaxLength(100);
            invoice.Property(i => i.PayeeBankRegistrationNumber).HasMaxLength(4);
            invoice.Property(i => i.PayeeAccountNumber).HasMaxLength(10);
            invoice.OwnsMany(i => i.Lines, line =>
            {
                line.ToTable("invoice_lines");
                line.WithOwner().HasForeignKey("InvoiceId");
                line.HasKey("InvoiceId", nameof(InvoiceLine.LineNumber));
                line.Property(l => l.LineNumber).ValueGeneratedNever();
                // A ledger item goes on one document only, so nothing is invoiced or credited twice.
                line.HasIndex(l => l.LedgerItemId).IsUnique();
                line.HasOne<LedgerItem>().WithMany().HasForeignKey(l => l.LedgerItemId).OnDelete(DeleteBehavior.Restrict);
                line.Property(l => l.Description).HasMaxLength(500);
                line.Property(l => l.CitizenId).HasMaxLength(64);
                line.Property(l => l.AllowanceReason).HasMaxLength(200);
            });
        });
        model.Entity<InvoiceRun>(run =>
        {
            run.ToTable("invoice_runs");
            run.HasKey(r => r.Id);
            run.HasIndex(r => new { r.PartnershipId, r.PeriodStart }).IsUnique();
        });
        model.Entity<InvoiceNumberSeries>(series =>
        {
            series.ToTable("invoice_number_series");
            series.HasKey(s => s.IssuerCvr);
            series.Property(s => s.IssuerCvr).HasMaxLength(8);
        });
        model.Entity<ClosedPeriod>(period =>
        {
            period.ToTable("closed_periods");
            period.HasKey(p => p.Id);
            // A period is closed once at a time; a reopened one keeps its row and may be closed again.
            period.HasIndex(p => new { p.PartnershipId, p.Kind, p.Start }).IsUnique().HasFilter("reopened_at IS NULL");
            period.Ignore(p => p.Days);
            period.Property(p => p.ClosedBy).HasMaxLength(200);
            period.Property(p => p.ReopenedBy).HasMaxLength(200);
            period.Property(p => p.ReopenReason).HasMaxLength(500);
        });
        model.Entity<InvestorCashFlow>(cashFlow =>
        {
            cashFlow.ToTable("investor_cash_flows");
            cashFlow.HasKey(c => c.Id);
            // A reference is recorded once per partnership, however often it is sent.
            cashFlow.HasIndex(c => new { c.PartnershipId, c.Reference }).IsUnique();
            cashFlow.Property(c => c.Reference).HasMaxLength(100);
            cashFlow.Property(c => c.Note).HasMaxLength(500);
            cashFlow.Property(c => c.RecordedBy).HasMaxLength(200);
        });
        model.Entity<DisclosureSetting>(setting =>
        {
            setting.ToTable("disclosure_settings");
            setting.HasKey(s => s.Id);
            setting.HasIndex(s => new { s.PartnershipId, s.Part, s.SetAt });
            setting.Property(s => s.SetBy).HasMaxLength(200);
        });
        model.Entity<BankPayment>(payment =>
        {
            payment.ToTable("bank_payments");
            payment.HasKey(p => p.Id);
            // A statement line is recorded once, however often the statement is imported.
            payment.HasIndex(p => new { p.IssuerCvr, p.BankLineId }).IsUnique();
            payment.Property(p => p.IssuerCvr).HasMaxLength(8);
            payment.Property(p => p.BankLineId).HasMaxLength(100);
            payment.Property(p => p.Reference).HasMaxLength(200);
        });
    }
}

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class PaymentDesignTimeFactory : IDesignTimeDbContextFactory<PaymentDbContext>
{
    public PaymentDbContext CreateDbContext(string[] args) => new(DatabaseExtensions.DesignTimeOptions<PaymentDbContext>());
}
