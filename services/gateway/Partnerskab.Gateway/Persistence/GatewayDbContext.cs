using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Partnerskab.Gateway.Idempotency;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Gateway.Persistence;

/// <summary>The gateway's own state: idempotency keys. No business data lives here.</summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options)
{
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable("idempotency_keys");
            record.HasKey(r => new { r.Subject, r.Key });
            record.Property(r => r.Subject).HasMaxLength(200);
            record.Property(r => r.Key).HasMaxLength(IdempotencyKeyHeader.MaxLength);
            record.Property(r => r.ContentType).HasMaxLength(200);
            record.HasIndex(r => r.StartedAt);
        });
    }
}

/// <summary>Lets `dotnet ef migrations add` build the model without starting the gateway.</summary>
public sealed class GatewayDesignTimeFactory : IDesignTimeDbContextFactory<GatewayDbContext>
{
    public GatewayDbContext CreateDbContext(string[] args) => new(DatabaseExtensions.DesignTimeOptions<GatewayDbContext>());
}
