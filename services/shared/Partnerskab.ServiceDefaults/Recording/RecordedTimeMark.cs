using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Partnerskab.ServiceDefaults.Recording;

/// <summary>
/// The latest moment a historical load has recorded facts at, per scope (a partnership, or an
/// issuer's bank account): a load goes forward in time, so a later call may not record earlier.
/// </summary>
public sealed class RecordedTimeMark
{
    public required string Scope { get; set; }
    public Instant LatestRecordedAt { get; set; }
}

public static class RecordedTimeMarkModel
{
    /// <summary>Adds the marks of historical loads to a service's EF model.</summary>
    public static ModelBuilder AddRecordedTimeMarks(this ModelBuilder model)
    {
        model.Entity<RecordedTimeMark>(mark =>
        {
            mark.ToTable("recorded_time_marks");
            mark.HasKey(m => m.Scope);
            mark.Property(m => m.Scope).HasMaxLength(100);
        });
        return model;
    }
}
