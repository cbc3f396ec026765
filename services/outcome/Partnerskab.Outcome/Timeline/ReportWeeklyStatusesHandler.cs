using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts;
using Partnerskab.Outcome.Comparison;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Persistence;
using Partnerskab.ServiceDefaults;
using Partnerskab.Tokens;

namespace Partnerskab.Outcome.Timeline;

/// <summary>
/// A source streams citizens' weekly statuses: rows are checked on their own fields, then in
/// batches against the citizens in follow-up and the reports stored (<see cref="StatusRowFate"/>),
/// and written with the citizens' decided weeks and milestones, one result per row. The stream's
/// idempotency key makes a retried stream answer as the first did and write nothing.
/// </summary>
public sealed class ReportWeeklyStatusesHandler(OutcomeDbContext db, MilestoneRecalculation recalculation, KeptReads kept, ComparisonStatuses comparison, IClock clock)
{
    private const int StatusBatchSize = 1000;
    private const int MaxStatusRows = 2_000_000;

    public async Task<ReportWeeklyStatusesResponse> HandleAsync(IAsyncStreamReader<ReportWeeklyStatusesRequest> requestStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var stream = new StatusStream();
        var batch = new List<(int RowNumber, ReportWeeklyStatusesRequest Message)>(StatusBatchSize);
        var rowNumber = 0;
        // A batch is checked while the one before it is written, and written while the next arrives.
        var written = Task.FromResult(new ReportWeeklyStatusesResponse());
        try
        {
            await foreach (var message in requestStream.ReadAllAsync(cancellationToken))
            {
                rowNumber++;
                if (rowNumber == 1)
                {
                    var replay = await StartStatusStreamAsync(stream, message, context);
                    if (replay is not null) return replay;
                }
                batch.Add((rowNumber, message));
                if (batch.Count == StatusBatchSize)
                {
                    var checkedBatch = CheckStatusRows(stream, batch);
                    stream.Add(await written);
                    written = WriteStatusBatchAsync(stream, checkedBatch, last: false, cancellationToken);
                    batch = new(StatusBatchSize);
                }
            }
            if (rowNumber == 0)
            {
                throw new InvalidRequestException([new Google.Rpc.BadRequest.Types.FieldViolation { Field = "row", Description = "the stream has no rows" }]);
            }
            var lastBatch = CheckStatusRows(stream, batch);
            stream.Add(await written);
            await WriteStatusBatchAsync(stream, lastBatch, last: true, cancellationToken);
            return stream.Response;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation() && stream.DryRun is null)
        {
            // The same stream ran twice at once and the other finished first: its answer stands, and this one's last batch was rolled back.
            return await StoredStatusStreamAsync(stream, cancellationToken) ?? throw new InvalidOperationException("A status stream conflicted with one that is not stored.", e);
        }
        catch
        {
            // The batch being written still uses the call's database context; let it end first.
            await ((Task)written).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        finally
        {
            // A dry run's writes are rolled back here, whatever happened.
            if (stream.DryRun is not null) await stream.DryRun.DisposeAsync();
        }
    }

    /// <summary>What a weekly-status stream has learnt so far.</summary>
    private sealed class StatusStream
    {
        public Guid PartnershipId { get; set; }
        public string IdempotencyKey { get; set; } = "";
        public StatusSource Source { get; set; }
        public bool RejectedRowsOnly { get; set; }
        /// <summary>The caller, as the audit trail names it: who reported the stream's weeks.</summary>
        public string ReportedBy { get; set; } = "";
        /// <summary>A dry run's one transaction: every batch writes into it as a real report would, and it is never committed.</summary>
        public IDbContextTransaction? DryRun { get; set; }
        public ReportWeeklyStatusesResponse Response { get; } = new();

        public void Add(ReportWeeklyStatusesResponse batch)
        {
            Response.Results.Add(batch.Results);
            Response.Accepted += batch.Accepted;
            Response.Unchanged += batch.Unchanged;
            Response.Rejected += batch.Rejected;
        }
    }

    /// <summary>A batch's rows that passed the checks on their own fields, and the batch's part of the answer.</summary>
    private sealed record StatusBatch(List<(int RowNumber, WeeklyStatusReport Report)> Candidates, ReportWeeklyStatusesResponse Answer);

    /// <summary>Checks the stream's first message; returns the stored answer when the idempotency key was seen.</summary>
    private async Task<ReportWeeklyStatusesResponse?> StartStatusStreamAsync(StatusStream stream, ReportWeeklyStatusesRequest first, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var v = new RequestValidator();
        stream.PartnershipId = v.Id(first.PartnershipId, "partnership_id");
        stream.IdempotencyKey = v.Text(first.IdempotencyKey, "idempotency_key", 100);
        stream.Source = (StatusSource)(int)v.Enum(first.Source, "source");
        stream.RejectedRowsOnly = first.RejectedRowsOnly;
        stream.ReportedBy = FactChange.ReporterOf(context.Caller());
        v.ThrowIfInvalid();
        if (stream.Source == StatusSource.ComparisonRegister && !context.Caller().HasRole(SuiteRoles.Kommune))
        {
            // The provider follows the cohort only; the comparison group is the kommune's register.
            throw new RpcException(new Status(StatusCode.PermissionDenied, "Only the kommune reports the comparison group's weekly statuses."));
        }

        if (first.ValidateOnly)
        {
            stream.DryRun = await db.Database.BeginTransactionAsync(cancellationToken);
            return null;
        }
        return await StoredStatusStreamAsync(stream, cancellationToken);
    }

    /// <summary>The stored answer of an earlier stream with the stream's idempotency key, marked as replayed.</summary>
    private async Task<ReportWeeklyStatusesResponse?> StoredStatusStreamAsync(StatusStream stream, CancellationToken cancellationToken)
    {
        var earlier = await db.StatusImportRuns.AsNoTracking()
            .FirstOrDefaultAsync(r => r.PartnershipId == stream.PartnershipId && r.IdempotencyKey == stream.IdempotencyKey, cancellationToken);
        if (earlier is null) return null;
        var replay = ReportWeeklyStatusesResponse.Parser.ParseFrom(earlier.Response);
        replay.Replayed = true;
        return replay;
    }

    /// <summary>Checks a batch's rows on their own fields; a row refused here gets its result at once.</summary>
    private StatusBatch CheckStatusRows(StatusStream stream, List<(int RowNumber, ReportWeeklyStatusesRequest Message)> rows)
    {
        var batch = new StatusBatch([], new ReportWeeklyStatusesResponse());
        foreach (var (rowNumber, message) in rows)
        {
            var v = new RequestValidator();
            if (message.PartnershipId.Length > 0 && message.PartnershipId != stream.PartnershipId.ToString())
            {
                v.Add("partnership_id", "differs from the stream's first message");
            }
            if (message.Source != Protos.Outcome.V1.StatusSource.Unspecified && (int)message.Source != (int)stream.Source)
            {
                v.Add("source", "differs from the stream's first message");
            }
            if (rowNumber > MaxStatusRows) v.Add("row", $"is past the limit of {MaxStatusRows} rows a stream");
            var report = message.Row is null ? null : ValidStatusRow(v, stream, message.Row);
            if (message.Row is null) v.Add("row", "is required");
            if (report is null || !v.IsValid)
            {
                RejectStatusRow(batch.Answer, rowNumber, message.Row?.CitizenId, v.Violations.Select(x => (x.Field, x.Description)));
                continue;
            }
            batch.Candidates.Add((rowNumber, report));
        }
        return batch;
    }

    /// <summary>
    /// Decides and writes a checked batch in one transaction (a dry run's in its own); each row
    /// gets its result in the batch's answer. The stream's last batch adds its answer to the
    /// stream's and commits together with the stream's stored answer, so a stream whose last
    /// batch is written is always replayed, never judged again.
    /// </summary>
    private async Task<ReportWeeklyStatusesResponse> WriteStatusBatchAsync(StatusStream stream, StatusBatch batch, bool last, CancellationToken cancellationToken)
    {
        await using var transaction = stream.DryRun is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (batch.Candidates.Count > 0) await DecideAndWriteStatusesAsync(stream, batch, cancellationToken);
        if (last)
        {
            stream.Add(batch.Answer);
            // Rows refused on their own fields were answered before the rest of their batch.
            var inOrder = stream.Response.Results.OrderBy(r => r.RowNumber).ToList();
            stream.Response.Results.Clear();
            stream.Response.Results.AddRange(inOrder);
            if (stream.DryRun is null)
            {
                db.StatusImportRuns.Add(new StatusImportRun
                {
                    PartnershipId = stream.PartnershipId,
                    IdempotencyKey = stream.IdempotencyKey,
                    Response = stream.Response.ToByteArray(),
                    CompletedAt = clock.GetCurrentInstant(),
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return last ? new ReportWeeklyStatusesResponse() : batch.Answer;
    }

    /// <summary>Decides the checked rows against the citizens in follow-up and the reports stored, and writes the accepted ones, in the caller's transaction.</summary>
    private async Task DecideAndWriteStatusesAsync(StatusStream stream, StatusBatch batch, CancellationToken cancellationToken)
    {
        var (candidates, answer) = batch;
        AuditCall.Citizens(stream.PartnershipId, candidates.Select(c => c.Report.CitizenId));
        if (stream.Source == StatusSource.ComparisonRegister)
        {
            foreach (var (rowNumber, citizenId, fate) in await comparison.DecideAndWriteAsync(stream.PartnershipId, candidates, cancellationToken))
            {
                if (fate is StatusRowFate.Rejected rejected) RejectStatusRow(answer, rowNumber, citizenId, [(rejected.Field, rejected.Reason)]);
                else AnswerStatusRow(stream, answer, rowNumber, citizenId, fate is StatusRowFate.New ? StatusRowOutcome.Accepted : StatusRowOutcome.Unchanged);
            }
            return;
        }
        var ids = candidates.Select(c => c.Report.CitizenId).Distinct().ToList();
        await recalculation.LockCitizensAsync(stream.PartnershipId, ids, cancellationToken);
        var citizens = await db.FollowUpCitizens.WithKeys("citizen_id", ids, stream.PartnershipId).AsNoTracking()
            .ToDictionaryAsync(c => c.CitizenId, cancellationToken);
        var reportsNow = (await StoredReportsOfAsync(stream, citizens, candidates.Select(c => c.Report), cancellationToken))
            .ToDictionary(r => (r.CitizenId, r.WeekStart));
        var added = new Dictionary<(string, LocalDate), WeeklyStatusReport>();
        var accepted = new List<WeeklyStatusReport>();
        var superseded = new List<SupersededStatusReport>();
        foreach (var (rowNumber, report) in candidates)
        {
            var key = (report.CitizenId, report.WeekStart);
            var outcome = StatusRowOutcome.Accepted;
            switch (StatusRowFate.Decide(report, citizens.GetValueOrDefault(report.CitizenId), reportsNow.GetValueOrDefault(key)))
            {
                case StatusRowFate.Rejected rejected:
                    RejectStatusRow(answer, rowNumber, report.CitizenId, [(rejected.Field, rejected.Reason)]);
                    continue;
                case StatusRowFate.New:
                    added[key] = report;
                    reportsNow[key] = report;
                    break;
                case StatusRowFate.Replaced { Stored: var existing }:
                    if (!added.ContainsKey(key) && db.Entry(existing).State == EntityState.Detached)
                    {
                        // The stored report stops being current now and is kept as it stood; a week given
                        // again later in the batch replaces a version no one else ever saw, which is not kept.
                        superseded.Add(existing.SupersededAt(report.RecordedAt));
                        db.WeeklyStatusReports.Attach(existing);
                    }
                    existing.Status = report.Status;
                    existing.PaidHoursHundredths = report.PaidHoursHundredths;
                    existing.RecordedAt = report.RecordedAt;
                    break;
                default:
                    outcome = StatusRowOutcome.Unchanged;
                    break;
            }
            AnswerStatusRow(stream, answer, rowNumber, report.CitizenId, outcome);
            if (outcome == StatusRowOutcome.Accepted) accepted.Add(report);
        }
        await WeeklyStatusCopy.InsertAsync(db, added.Values, cancellationToken);
        await WeeklyStatusCopy.InsertAsync(db, superseded, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (accepted.Count > 0)
        {
            // In row order, so a week given twice ends as its last row says.
            var changed = accepted.GroupBy(r => r.CitizenId).Select(reports =>
            {
                var citizen = citizens[reports.Key];
                citizen.DecidedWeekStatuses = citizen.Weeks.With(reports.Select(r => r.ToReport()));
                return (citizen.CitizenId, citizen.DecidedWeekStatuses);
            }).ToList();
            await DecidedWeeksStore.WriteAsync(db, stream.PartnershipId, changed, cancellationToken);
            await kept.MarkAsync(stream.PartnershipId, changed.Select(c => c.CitizenId), FactsChanged.Weeks, cancellationToken);
            var earliestWeeks = accepted.GroupBy(r => r.CitizenId).ToDictionary(g => g.Key, g => g.Min(r => r.WeekStart));
            await recalculation.RecalculateAsync(stream.PartnershipId, changed.Select(c => c.CitizenId).ToList(),
                FactChange.StatusWeeks(earliestWeeks, stream.ReportedBy,
                    $"weekly statuses from the {stream.Source.ToString().ToLowerInvariant()} (stream {stream.IdempotencyKey})"), cancellationToken, citizens);
        }
    }

    /// <summary>
    /// The stored reports of the stream's source for the rows' citizens and weeks. The citizens'
    /// decided weeks say which of them may have one (a week no source reported has none, nor has
    /// a week the provider decided a register report), so only those are looked up.
    /// </summary>
    private async Task<List<WeeklyStatusReport>> StoredReportsOfAsync(StatusStream stream, Dictionary<string, FollowUpCitizen> citizens,
        IEnumerable<WeeklyStatusReport> rows, CancellationToken cancellationToken)
    {
        var keys = rows
            .Where(r => citizens.TryGetValue(r.CitizenId, out var citizen)
                && citizen.Weeks.In(r.WeekStart) is { } decided
                && !(stream.Source == StatusSource.Register && decided.DecidedBy == StatusSource.Provider))
            .Select(r => (r.CitizenId, r.WeekStart)).Distinct().ToList();
        if (keys.Count == 0) return [];
        var citizenIds = keys.Select(k => k.CitizenId).ToArray();
        var weekStarts = keys.Select(k => k.WeekStart).ToArray();
        return await db.WeeklyStatusReports.FromSql(
                $"""
                SELECT r.* FROM weekly_status_reports AS r
                JOIN unnest({citizenIds}, {weekStarts}) AS k(citizen_id, week_start) ON r.citizen_id = k.citizen_id AND r.week_start = k.week_start
                WHERE r.partnership_id = {stream.PartnershipId} AND r.source = {(int)stream.Source}
                """)
            .AsNoTracking().ToListAsync(cancellationToken);
    }

    private WeeklyStatusReport? ValidStatusRow(RequestValidator v, StatusStream stream, WeeklyStatusRow row)
    {
        var citizenId = CitizenPseudonym.Valid(v, row.CitizenId);
        var weekStart = WeeklyTimeline.WeekStart(row.IsoWeekYear, row.IsoWeek);
        if (row.IsoWeekYear is < 1900 or > 2199) v.Add("iso_week_year", "must be between 1900 and 2199");
        else if (weekStart is null) v.Add("iso_week", $"week {row.IsoWeek} does not exist in ISO week year {row.IsoWeekYear}");
        var status = v.Enum(row.Status, "status");
        v.Check(row.PaidHoursHundredths is >= 0 and <= 168_00, "paid_hours_hundredths", "must be between 0 and 16800 (168 hours)");
        if (!v.IsValid || weekStart is not { } start) return null;
        return new WeeklyStatusReport
        {
            PartnershipId = stream.PartnershipId,
            CitizenId = citizenId,
            WeekStart = start,
            Source = stream.Source,
            Status = (WeeklyStatusKind)(int)status,
            PaidHoursHundredths = row.PaidHoursHundredths,
            RecordedAt = clock.GetCurrentInstant(),
        };
    }

    private static void AnswerStatusRow(StatusStream stream, ReportWeeklyStatusesResponse answer, int rowNumber, string citizenId, StatusRowOutcome outcome)
    {
        if (!stream.RejectedRowsOnly) answer.Results.Add(new StatusRowResult { RowNumber = rowNumber, CitizenId = citizenId, Outcome = outcome });
        if (outcome == StatusRowOutcome.Accepted) answer.Accepted++;
        else answer.Unchanged++;
    }

    private static void RejectStatusRow(ReportWeeklyStatusesResponse answer, int rowNumber, string? citizenId, IEnumerable<(string Field, string Reason)> violations)
    {
        // The sender's citizen id is echoed back only when it has the pseudonym's shape: it may be the very thing that was wrong.
        var id = Pseudonym.IsWellFormed(citizenId) ? citizenId! : "";
        var result = new StatusRowResult { RowNumber = rowNumber, CitizenId = id, Outcome = StatusRowOutcome.Rejected };
        result.Violations.AddRange(violations.Select(x => new StatusRowViolation { Field = x.Field, Description = x.Reason }));
        answer.Results.Add(result);
        answer.Rejected++;
    }
}
