using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerskab.Cohort.Advisors;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Import;
using Partnerskab.Cohort.Partnerships;
using Partnerskab.Cohort.Queries;
using Partnerskab.Messaging;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Persistence;
using Partnerskab.ServiceDefaults.Recording;

namespace Partnerskab.Cohort.Persistence;

public sealed class CohortDbContext(DbContextOptions<CohortDbContext> options) : DbContext(options)
{
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<PartnershipVersion> PartnershipVersions => Set<PartnershipVersion>();
    public DbSet<Citizen> Citizens => Set<Citizen>();
    public DbSet<AdvisorAssignment> AdvisorAssignments => Set<AdvisorAssignment>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<CitizenStatusDay> CitizenStatusDays => Set<CitizenStatusDay>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOutboxAndInbox();
        model.AddRecordedTimeMarks();
        model.AddAuditLog();
        model.Entity<Partnership>(partnership =>
        {
            partnership.HasKey(p => p.Id);
            partnership.HasIndex(p => p.Reference).IsUnique();
            partnership.Property(p => p.Reference).HasMaxLength(100);
            partnership.OwnsOne(p => p.Terms, ConfigureTerms);
            partnership.Property(p => p.PlacesTaken).ValueGeneratedOnAddOrUpdate();
        });
        model.Entity<PartnershipVersion>(version =>
        {
            version.ToTable("partnership_versions");
            version.HasKey(v => new { v.PartnershipId, v.Version });
            version.Property(v => v.Reason).HasMaxLength(500);
            version.OwnsOne(v => v.Terms, ConfigureTerms);
            version.HasOne<Partnership>().WithMany().HasForeignKey(v => v.PartnershipId);
        });
        model.Entity<Citizen>(citizen =>
        {
            citizen.HasKey(c => new { c.PartnershipId, c.CitizenId });
            citizen.Property(c => c.CitizenId).HasMaxLength(64);
            citizen.Property(c => c.CaseReference).HasMaxLength(100);
            citizen.Property(c => c.AdvisorId).HasMaxLength(100);
            // A case reference names one citizen of a partnership; an erased citizen's is empty.
            citizen.HasIndex(c => new { c.PartnershipId, c.CaseReference }).IsUnique().HasFilter("case_reference <> ''");
            // Keyset paging walks citizens in this order.
            citizen.HasIndex(c => new { c.PartnershipId, c.HandoverDate, c.CitizenId });
            citizen.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId);
        });
        model.Entity<AdvisorAssignment>(assignment =>
        {
            assignment.HasKey(a => a.Id);
            assignment.HasIndex(a => new { a.PartnershipId, a.CitizenId });
            assignment.Property(a => a.CitizenId).HasMaxLength(64);
            assignment.Property(a => a.AdvisorId).HasMaxLength(100);
        });
        model.Entity<ImportRun>(run =>
        {
            run.HasKey(r => new { r.PartnershipId, r.IdempotencyKey });
            run.Property(r => r.IdempotencyKey).HasMaxLength(100);
        });
        model.Entity<ImportBatch>(batch =>
        {
            batch.HasKey(b => new { b.PartnershipId, b.IdempotencyKey, b.Batch });
            batch.Property(b => b.IdempotencyKey).HasMaxLength(100);
        });
        model.Entity<CitizenStatusDay>(day =>
        {
            day.ToTable("citizen_status_days");
            day.HasKey(d => new { d.PartnershipId, d.Kind, d.Day });
        });
    }

    private static void ConfigureTerms<TOwner>(OwnedNavigationBuilder<TOwner, AgreementTerms> terms) where TOwner : class
    {
        terms.Property(t => t.Name).HasMaxLength(200);
        terms.OwnsOne(t => t.Kommune, ConfigureParty);
        terms.OwnsOne(t => t.Provider, ConfigureParty);
        terms.OwnsOne(t => t.Investor, ConfigureParty);
        terms.OwnsOne(t => t.Eligibility);
    }

    private static void ConfigureParty<TOwner>(OwnedNavigationBuilder<TOwner, Party> party) where TOwner : class
    {
        party.Property(p => p.Name).HasMaxLength(200);
        party.Property(p => p.Cvr).HasMaxLength(8);
        party.Property(p => p.Ean).HasMaxLength(13);
    }
}

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class CohortDesignTimeFactory : IDesignTimeDbContextFactory<CohortDbContext>
{
    public CohortDbContext CreateDbContext(string[] args) => new(DatabaseExtensions.DesignTimeOptions<CohortDbContext>());
}
