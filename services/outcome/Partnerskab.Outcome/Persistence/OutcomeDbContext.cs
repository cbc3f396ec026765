using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Partnerskab.Messaging;
using Partnerskab.Outcome.BusinessCase;
using Partnerskab.Outcome.Checkpoints;
using Partnerskab.Outcome.Claims;
using Partnerskab.Outcome.Comparison;
using Partnerskab.Outcome.Deliverables;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Reports;
using Partnerskab.Outcome.Timeline;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Persistence;
using Partnerskab.ServiceDefaults.Recording;

namespace Partnerskab.Outcome.Persistence;

public sealed class OutcomeDbContext(DbContextOptions<OutcomeDbContext> options) : DbContext(options)
{
    public DbSet<FollowUpCitizen> FollowUpCitizens => Set<FollowUpCitizen>();
    public DbSet<OutcomeClaim> Claims => Set<OutcomeClaim>();
    public DbSet<ClaimHistoryEntry> ClaimHistory => Set<ClaimHistoryEntry>();
    public DbSet<MilestoneDefinition> MilestoneDefinitions => Set<MilestoneDefinition>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<WeeklyStatusReport> WeeklyStatusReports => Set<WeeklyStatusReport>();
    public DbSet<SupersededStatusReport> SupersededStatusReports => Set<SupersededStatusReport>();
    public DbSet<SupersededFollowUpWindow> SupersededFollowUpWindows => Set<SupersededFollowUpWindow>();
    public DbSet<StatusImportRun> StatusImportRuns => Set<StatusImportRun>();
    public DbSet<Deliverable> Deliverables => Set<Deliverable>();
    public DbSet<FollowUpPlan> FollowUpPlans => Set<FollowUpPlan>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<KpiTarget> KpiTargets => Set<KpiTarget>();
    public DbSet<WorklistItemRow> WorklistItems => Set<WorklistItemRow>();
    public DbSet<WorklistCitizen> WorklistCitizens => Set<WorklistCitizen>();
    public DbSet<WorklistSweep> WorklistSweeps => Set<WorklistSweep>();
    public DbSet<KeptRebuild> KeptRebuilds => Set<KeptRebuild>();
    public DbSet<KeptRecount> KeptRecounts => Set<KeptRecount>();
    public DbSet<CountedCitizen> CountedCitizens => Set<CountedCitizen>();
    public DbSet<FollowUpDayCount> FollowUpDayCounts => Set<FollowUpDayCount>();
    public DbSet<StatusWeekCount> StatusWeekCounts => Set<StatusWeekCount>();
    public DbSet<StatusAtMonthCount> StatusAtMonthCounts => Set<StatusAtMonthCount>();
    public DbSet<FinalStatusCount> FinalStatusCounts => Set<FinalStatusCount>();
    public DbSet<BusinessCaseInputsVersion> BusinessCaseInputs => Set<BusinessCaseInputsVersion>();
    public DbSet<ComparisonRegistration> ComparisonRegistrations => Set<ComparisonRegistration>();
    public DbSet<ComparisonStatusReport> ComparisonStatusReports => Set<ComparisonStatusReport>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOutboxAndInbox();
        model.AddRecordedTimeMarks();
        model.AddAuditLog();
        model.Entity<FollowUpCitizen>(citizen =>
        {
            citizen.HasKey(c => new { c.PartnershipId, c.CitizenId });
            citizen.Property(c => c.CitizenId).HasMaxLength(64);
            citizen.Property(c => c.ExitReason).HasConversion<string>().HasMaxLength(50);
            citizen.Property(c => c.DecidedWeekStatuses).HasDefaultValueSql("''::bytea");
            // Every status batch rewrites its citizens' decided weeks; room in each page keeps those updates off the index (HOT).
            citizen.HasStorageParameter("fillfactor", 70);
        });
        model.Entity<OutcomeClaim>(claim =>
        {
            claim.HasKey(c => c.Id);
            claim.HasIndex(c => new { c.PartnershipId, c.ClaimReference }).IsUnique();
            claim.HasIndex(c => new { c.PartnershipId, c.CitizenId });
            claim.Property(c => c.CitizenId).HasMaxLength(64);
            claim.Property(c => c.ClaimReference).HasMaxLength(100);
            claim.Property(c => c.EmployerCvr).HasMaxLength(8);
            claim.Property(c => c.EvidenceReference).HasMaxLength(200);
            claim.Property(c => c.DecidedBy).HasMaxLength(100);
            claim.Property(c => c.DecisionReason).HasMaxLength(500);
        });
        model.Entity<ClaimHistoryEntry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => e.ClaimId);
            entry.Property(e => e.By).HasMaxLength(100);
            entry.Property(e => e.Reason).HasMaxLength(500);
            entry.Property(e => e.EmployerCvr).HasMaxLength(8);
            entry.Property(e => e.EvidenceReference).HasMaxLength(200);
        });
        model.Entity<MilestoneDefinition>(definition =>
        {
            definition.HasKey(d => new { d.PartnershipId, d.Code });
            definition.Property(d => d.Code).HasMaxLength(50);
            definition.Property(d => d.Description).HasMaxLength(200);
        });
        model.Entity<Milestone>(milestone =>
        {
            milestone.HasKey(m => m.Id);
            // A milestone stands at most once per citizen; a revoked one stays beside it.
            milestone.HasIndex(m => new { m.PartnershipId, m.CitizenId, m.Code }).IsUnique().HasFilter("revoked_at IS NULL");
            milestone.Property(m => m.CitizenId).HasMaxLength(64);
            milestone.Property(m => m.Code).HasMaxLength(50);
            milestone.Property(m => m.RevocationReason).HasMaxLength(Milestone.MaxReasonLength);
            milestone.Property(m => m.CauseKind).HasMaxLength(20);
            milestone.Property(m => m.CauseReference).HasMaxLength(Milestone.MaxReferenceLength);
            milestone.Property(m => m.CauseReportedBy).HasMaxLength(Milestone.MaxReporterLength);
        });
        model.Entity<WeeklyStatusReport>(report =>
        {
            report.HasKey(r => new { r.PartnershipId, r.CitizenId, r.WeekStart, r.Source });
            report.Property(r => r.CitizenId).HasMaxLength(64);
        });
        model.Entity<SupersededFollowUpWindow>(window =>
        {
            window.HasKey(w => new { w.PartnershipId, w.CitizenId, w.SupersededAt });
            window.Property(w => w.CitizenId).HasMaxLength(64);
        });
        model.Entity<SupersededStatusReport>(version =>
        {
            // A source's report of a week replaced more than once keeps each version, told apart by when it was recorded.
            version.HasKey(r => new { r.PartnershipId, r.CitizenId, r.WeekStart, r.Source, r.RecordedAt });
            version.Property(r => r.CitizenId).HasMaxLength(64);
        });
        model.Entity<Deliverable>(deliverable =>
        {
            deliverable.HasKey(d => d.Id);
            deliverable.HasIndex(d => new { d.PartnershipId, d.Reference }).IsUnique();
            deliverable.Property(d => d.Reference).HasMaxLength(100);
            deliverable.Property(d => d.EvidenceReference).HasMaxLength(200);
        });
        model.Entity<FollowUpPlan>(plan => plan.HasKey(p => p.PartnershipId));
        model.Entity<Contact>(contact =>
        {
            contact.HasKey(c => c.Id);
            contact.HasIndex(c => new { c.PartnershipId, c.Reference }).IsUnique();
            contact.HasIndex(c => new { c.PartnershipId, c.CitizenId });
            // Whether a worklist's day is on or after the partnership's latest contact (KeptWorklistRead).
            contact.HasIndex(c => new { c.PartnershipId, c.ContactDate });
            contact.Property(c => c.CitizenId).HasMaxLength(64);
            contact.Property(c => c.Reference).HasMaxLength(100);
        });
        model.Entity<WorklistItemRow>(item =>
        {
            item.ToTable("worklist_items");
            // The worklist's order, ordinal by pseudonym, so a page is one range of this key.
            item.HasKey(i => new { i.PartnershipId, i.DueOn, i.CitizenId, i.Kind, i.Months });
            item.HasIndex(i => new { i.PartnershipId, i.CitizenId, i.Kind });
            item.HasIndex(i => i.Until).HasFilter("until IS NOT NULL");
            item.Property(i => i.CitizenId).HasMaxLength(64).UseCollation("C");
        });
        model.Entity<WorklistCitizen>(citizen =>
        {
            citizen.HasKey(c => new { c.PartnershipId, c.CitizenId });
            citizen.Property(c => c.CitizenId).HasMaxLength(64);
        });
        model.Entity<KeptRebuild>(rebuild => rebuild.HasKey(r => r.PartnershipId));
        model.Entity<KeptRecount>(recount =>
        {
            recount.ToTable("kept_recount_marks");
            recount.HasKey(r => r.Id);
            recount.Property(r => r.Id).UseIdentityByDefaultColumn();
            recount.HasIndex(r => r.PartnershipId);
        });
        model.Entity<CountedCitizen>(citizen =>
        {
            citizen.HasKey(c => new { c.PartnershipId, c.CitizenId });
            citizen.Property(c => c.CitizenId).HasMaxLength(64);
            // Every recount rewrites its citizens' rows in place; room in each page keeps those updates off the index (HOT).
            citizen.HasStorageParameter("fillfactor", 70);
        });
        model.Entity<FollowUpDayCount>(count => count.HasKey(c => new { c.PartnershipId, c.Day }));
        model.Entity<StatusWeekCount>(count => count.HasKey(c => new { c.PartnershipId, c.WeekStart, c.Status, c.FromDay, c.UntilDay }));
        model.Entity<StatusAtMonthCount>(count => count.HasKey(c => new { c.PartnershipId, c.Months, c.Day, c.Status }));
        model.Entity<FinalStatusCount>(count => count.HasKey(c => new { c.PartnershipId, c.Day, c.Status }));
        model.Entity<WorklistSweep>(sweep =>
        {
            sweep.HasKey(s => s.Id);
            sweep.Property(s => s.Id).ValueGeneratedNever();
        });
        model.Entity<KpiTarget>(target =>
        {
            target.HasKey(t => new { t.PartnershipId, t.Code });
            target.Property(t => t.Code).HasMaxLength(50);
            target.Property(t => t.Description).HasMaxLength(200);
            target.Property(t => t.MilestoneCode).HasMaxLength(50);
        });
        model.Entity<BusinessCaseInputsVersion>(inputs =>
        {
            inputs.HasKey(i => i.Id);
            inputs.HasIndex(i => new { i.PartnershipId, i.EffectiveFrom });
            inputs.Property(i => i.RecordedBy).HasMaxLength(200);
            inputs.Property(i => i.RatesSource).HasMaxLength(500);
            inputs.Property(i => i.CurveSource).HasMaxLength(500);
        });
        // The comparison group in tables of its own: no read of the cohort (timeline, milestones,
        // worklist, committee counts, the other services' events) can meet a comparison citizen.
        model.Entity<ComparisonRegistration>(registration =>
        {
            registration.ToTable("comparison_citizens");
            registration.HasKey(r => r.Id);
            registration.HasIndex(r => new { r.PartnershipId, r.CitizenId, r.Id });
            registration.Property(r => r.CitizenId).HasMaxLength(64);
        });
        model.Entity<ComparisonStatusReport>(report =>
        {
            report.HasKey(r => r.Id);
            report.HasIndex(r => new { r.PartnershipId, r.CitizenId, r.WeekStart, r.Id });
            report.Property(r => r.CitizenId).HasMaxLength(64);
        });
        model.Entity<StatusImportRun>(run =>
        {
            run.HasKey(r => new { r.PartnershipId, r.IdempotencyKey });
            run.Property(r => r.IdempotencyKey).HasMaxLength(100);
        });
    }
}

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class OutcomeDesignTimeFactory : IDesignTimeDbContextFactory<OutcomeDbContext>
{
    public OutcomeDbContext CreateDbContext(string[] args) => new(DatabaseExtensions.DesignTimeOptions<OutcomeDbContext>());
}
