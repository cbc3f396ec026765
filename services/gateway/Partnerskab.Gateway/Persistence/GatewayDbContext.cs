using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Partnerskab.Gateway.Idempotency;
using Partnerskab.Gateway.Jobs;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Gateway.Persistence;

/// <summary>The gateway's own state: idempotency keys and bulk jobs. No business data lives here.</summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options)
{
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();
    public DbSet<BulkJob> BulkJobs => Set<BulkJob>();
    public DbSet<BulkJobChunk> BulkJobChunks => Set<BulkJobChunk>();

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
        model.Entity<BulkJob>(job =>
        {
            job.ToTable("bulk_jobs");
            job.HasKey(j => j.Id);
            job.Property(j => j.Subject).HasMaxLength(200);
            job.Property(j => j.Kind).HasMaxLength(40);
            job.Property(j => j.Target).HasMaxLength(100);
            job.Property(j => j.StatusSource).HasMaxLength(60);
            job.Property(j => j.Caller).HasColumnType("jsonb");
            job.Property(j => j.Failure).HasColumnType("jsonb");
            job.HasIndex(j => new { j.State, j.CreatedAt });
        });
        model.Entity<BulkJobChunk>(chunk =>
        {
            chunk.ToTable("bulk_job_chunks");
            chunk.HasKey(c => new { c.JobId, c.Chunk });
            chunk.HasOne<BulkJob>().WithMany().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

/// <summary>Lets `dotnet ef migrations add` build the model without starting the gateway.</summary>
public sealed class GatewayDesignTimeFactory : IDesignTimeDbContextFactory<GatewayDbContext>
{
    public GatewayDbContext CreateDbContext(string[] args) => new(DatabaseExtensions.DesignTimeOptions<GatewayDbContext>());
}
