using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Partnerships;
using Partnerskab.Messaging;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Cohort.Persistence;

public sealed class CohortDbContext(DbContextOptions<CohortDbContext> options) : DbContext(options)
{
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Citizen> Citizens => Set<Citizen>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOutboxAndInbox();
        model.Entity<Partnership>(partnership =>
        {
            partnership.HasKey(p => p.Id);
            partnership.HasIndex(p => p.Reference).IsUnique();
            partnership.Property(p => p.Reference).HasMaxLength(100);
            partnership.Property(p => p.Name).HasMaxLength(200);
            partnership.OwnsOne(p => p.Kommune, Party.Configure);
            partnership.OwnsOne(p => p.Provider, Party.Configure);
            partnership.OwnsOne(p => p.Investor, Party.Configure);
            partnership.OwnsOne(p => p.Eligibility);
        });
        model.Entity<Citizen>(citizen =>
        {
            citizen.HasKey(c => new { c.PartnershipId, c.CitizenId });
            citizen.Property(c => c.CitizenId).HasMaxLength(64);
            citizen.Property(c => c.CaseReference).HasMaxLength(100);
            citizen.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId);
        });
    }
}

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class CohortDesignTimeFactory : IDesignTimeDbContextFactory<CohortDbContext>
{
    public CohortDbContext CreateDbContext(string[] args) => new(DatabaseExtensions.DesignTimeOptions<CohortDbContext>());
}
