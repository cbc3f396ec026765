using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Partnerships;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Messaging.Outbox;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.ServiceDefaults.Persistence;
using Citizen = Partnerskab.Cohort.Handover.Citizen;

namespace Partnerskab.Cohort.Import;

/// <summary>
/// The kommune streams its list of citizens to hand over: each row is checked on its own fields,
/// then decided in batches as a single handover is (<see cref="HandoverDecision"/>), one result per
/// row. The stream's idempotency key makes a retried stream answer as the first did and write nothing;
/// a stream cut off after some of its batches were written is answered for those batches as it was
/// then, and only the rest is judged. The answer is kept as bytes batch by batch (<see cref="ImportAnswer"/>),
/// and the bytes stored for a retried stream are the bytes sent.
/// </summary>
public sealed class ImportCitizensHandler(CohortDbContext db, CprPseudonymizer pseudonymizer, IClock clock)
{
    private const int ImportBatchSize = 1000;
    private const int MaxImportRows = 250_000;

    public async Task<ImportCitizensResponse> HandleAsync(IAsyncStreamReader<ImportCitizensRequest> requestStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var import = new ImportState();
        var batch = new List<(int RowNumber, ImportCitizensRequest Message)>(ImportBatchSize);
        var rowNumber = 0;
        var batchNumber = 0;
        try
        {
            await foreach (var message in requestStream.ReadAllAsync(cancellationToken))
            {
                rowNumber++;
                if (rowNumber == 1)
                {
                    var replay = await StartImportAsync(import, message, cancellationToken);
                    if (replay is not null) return replay;
                }
                batch.Add((rowNumber, message));
                if (batch.Count == ImportBatchSize)
                {
                    await ImportBatchAsync(import, batchNumber++, batch, last: false, cancellationToken);
                    batch.Clear();
                }
            }
            if (rowNumber == 0)
            {
                throw new InvalidRequestException([new Google.Rpc.BadRequest.Types.FieldViolation { Field = "row", Description = "the stream has no rows" }]);
            }
            await ImportBatchAsync(import, batchNumber, batch, last: true, cancellationToken);
            return SerializedResponses.Of<ImportCitizensResponse>(import.Sent);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation() && import.DryRun is null)
        {
            // The same stream ran twice at once and the other wrote first: its answer stands once it
            // has finished, and this one's batch was rolled back.
            return await StoredImportAsync(import, cancellationToken)
                ?? throw new RpcException(new Status(StatusCode.Aborted, "The same import (its idempotency key) is being written by another stream; send it again."));
        }
        finally
        {
            // A dry run's writes are rolled back here, whatever happened.
            if (import.DryRun is not null) await import.DryRun.DisposeAsync();
        }
    }

    /// <summary>What an import stream has learnt so far.</summary>
    private sealed class ImportState
    {
        public Guid PartnershipId { get; set; }
        public string IdempotencyKey { get; set; } = "";
        /// <summary>A dry run's one transaction: every batch writes into it as a real import would, and it is never committed.</summary>
        public IDbContextTransaction? DryRun { get; set; }
        public ImportAnswer Answer { get; } = new();
        /// <summary>The results of the batch being decided, in the order they were decided.</summary>
        public List<RowResult> BatchResults { get; } = new(ImportBatchSize);
        /// <summary>The answers of the batches an earlier stream under the same key wrote before it was cut off, by batch number, as stored.</summary>
        public Dictionary<int, byte[]> Written { get; set; } = [];
        /// <summary>The whole answer once the last batch is decided: the bytes stored (unless a dry run) are the bytes sent.</summary>
        public byte[] Sent { get; set; } = [];
    }

    /// <summary>Checks the stream's first message; returns the stored answer when the idempotency key was seen.</summary>
    private async Task<ImportCitizensResponse?> StartImportAsync(ImportState import, ImportCitizensRequest first, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        import.PartnershipId = v.Id(first.PartnershipId, "partnership_id");
        import.IdempotencyKey = v.Text(first.IdempotencyKey, "idempotency_key", 100);
        v.ThrowIfInvalid();

        if (first.ValidateOnly)
        {
            await PartnershipStore.FindAsync(db, import.PartnershipId, cancellationToken);
            import.DryRun = await db.Database.BeginTransactionAsync(cancellationToken);
            return null;
        }
        var earlier = await StoredImportAsync(import, cancellationToken);
        if (earlier is not null) return earlier;
        await PartnershipStore.FindAsync(db, import.PartnershipId, cancellationToken);
        import.Written = await db.ImportBatches.AsNoTracking()
            .Where(b => b.PartnershipId == import.PartnershipId && b.IdempotencyKey == import.IdempotencyKey)
            .ToDictionaryAsync(b => b.Batch, b => b.Response, cancellationToken);
        return null;
    }

    /// <summary>The stored answer of an earlier stream with the import's idempotency key, marked as replayed.</summary>
    private async Task<ImportCitizensResponse?> StoredImportAsync(ImportState import, CancellationToken cancellationToken)
    {
        var earlier = await db.ImportRuns.AsNoTracking()
            .FirstOrDefaultAsync(r => r.PartnershipId == import.PartnershipId && r.IdempotencyKey == import.IdempotencyKey, cancellationToken);
        return earlier is null ? null : SerializedResponses.Of<ImportCitizensResponse>(ImportAnswer.Replayed(earlier.Response));
    }

    /// <summary>
    /// Decides and writes one batch of rows in one transaction (a dry run's in its own); each row
    /// gets its result. A batch commits together with its answer, and the stream's last batch with
    /// the stream's stored answer, so a stream whose last batch is written is always replayed,
    /// never judged again, and one cut off before is judged again only from the first batch not written.
    /// </summary>
    private async Task ImportBatchAsync(ImportState import, int batchNumber, List<(int RowNumber, ImportCitizensRequest Message)> rows, bool last,
        CancellationToken cancellationToken)
    {
        if (import.Written.TryGetValue(batchNumber, out var written))
        {
            import.Answer.AddWritten(written);
            if (last) import.Sent = import.Answer.ToByteArray();
            return;
        }
        var candidates = CheckedCandidates(import, rows);
        await using var transaction = import.DryRun is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (candidates.Count > 0) await DecideAndWriteAsync(import, candidates, cancellationToken);
        var batchAnswer = import.Answer.AddBatch(import.BatchResults);
        import.BatchResults.Clear();
        if (!last && import.DryRun is null)
        {
            db.ImportBatches.Add(new ImportBatch
            {
                PartnershipId = import.PartnershipId,
                IdempotencyKey = import.IdempotencyKey,
                Batch = batchNumber,
                Response = batchAnswer,
                CompletedAt = clock.GetCurrentInstant(),
            });
        }
        if (last)
        {
            import.Sent = import.Answer.ToByteArray();
            if (import.DryRun is null)
            {
                await db.ImportBatches.Where(b => b.PartnershipId == import.PartnershipId && b.IdempotencyKey == import.IdempotencyKey)
                    .ExecuteDeleteAsync(cancellationToken);
                db.ImportRuns.Add(new ImportRun
                {
                    PartnershipId = import.PartnershipId,
                    IdempotencyKey = import.IdempotencyKey,
                    Response = import.Sent,
                    CompletedAt = clock.GetCurrentInstant(),
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Checks a batch's rows on their own fields; a row refused here gets its result at once.</summary>
    private List<(int RowNumber, HandoverCandidate Candidate, string CitizenId)> CheckedCandidates(ImportState import, List<(int RowNumber, ImportCitizensRequest Message)> rows)
    {
        var candidates = new List<(int RowNumber, HandoverCandidate Candidate, string CitizenId)>();
        foreach (var (rowNumber, message) in rows)
        {
            var v = new RequestValidator();
            if (message.PartnershipId.Length > 0 && message.PartnershipId != import.PartnershipId.ToString())
            {
                v.Add("partnership_id", "differs from the stream's first message");
            }
            if (rowNumber > MaxImportRows) v.Add("row", $"is past the limit of {MaxImportRows} rows a stream");
            HandoverCandidate? candidate = null;
            if (message.Row is null)
            {
                v.Add("row", "is required");
            }
            else if (v.IsValid)
            {
                candidate = Handovers.ValidCandidate(v, message.Row.Cpr, message.Row.HandoverDate, message.Row.BenefitType, message.Row.WeeksSickListed, message.Row.CaseReference);
            }
            if (candidate is null)
            {
                Reject(import, rowNumber, message.Row?.CaseReference, v.Violations.Select(x => (x.Field, x.Description)));
                continue;
            }
            candidates.Add((rowNumber, candidate, pseudonymizer.Pseudonym(candidate.Cpr)));
        }
        return candidates;
    }

    /// <summary>Decides the checked rows against the partnership and the citizens it has, and writes the accepted ones, in the caller's transaction.</summary>
    private async Task DecideAndWriteAsync(ImportState import, List<(int RowNumber, HandoverCandidate Candidate, string CitizenId)> candidates, CancellationToken cancellationToken)
    {
        AuditCall.Citizens(import.PartnershipId, candidates.Select(c => c.CitizenId));
        var partnership = await PartnershipStore.LockAsync(db, import.PartnershipId, cancellationToken);
        var existing = await db.Citizens.WithKeys("citizen_id", candidates.Select(c => c.CitizenId), import.PartnershipId).AsNoTracking()
            .ToDictionaryAsync(c => c.CitizenId, cancellationToken);
        var holders = await db.Citizens.WithKeys("case_reference", candidates.Select(c => c.Candidate.CaseReference).Distinct(), import.PartnershipId,
                alsoWhere: "case_reference <> ''").AsNoTracking()
            .ToDictionaryAsync(c => c.CaseReference, c => c.CitizenId, cancellationToken);
        var placesTaken = partnership.PlacesTaken;
        var now = clock.GetCurrentInstant();
        var handedOver = new List<Citizen>();
        // A row repeated within the batch is judged against the citizen decided before it; one repeated in a later
        // batch finds it written (in the stream's transaction, for a dry run), so nothing of the stream is held past its batch.
        var decided = new Dictionary<string, Citizen>();

        foreach (var (rowNumber, candidate, citizenId) in candidates)
        {
            var known = decided.GetValueOrDefault(citizenId) ?? existing.GetValueOrDefault(citizenId);
            switch (HandoverDecision.Decide(partnership, candidate, citizenId, known, holders.GetValueOrDefault(candidate.CaseReference), placesTaken, now))
            {
                case HandoverDecision.Accepted accepted:
                    handedOver.Add(accepted.Citizen);
                    holders[candidate.CaseReference] = citizenId;
                    placesTaken++;
                    decided[citizenId] = accepted.Citizen;
                    Result(import, rowNumber, citizenId, RowOutcome.Accepted);
                    break;
                case HandoverDecision.Unchanged unchanged:
                    decided[citizenId] = unchanged.Existing;
                    Result(import, rowNumber, citizenId, RowOutcome.Unchanged);
                    break;
                case HandoverDecision.Ineligible ineligible:
                    Reject(import, rowNumber, candidate.CaseReference, ineligible.Violations);
                    break;
                case HandoverDecision.HandedOverWithOtherData other:
                    Reject(import, rowNumber, candidate.CaseReference,
                        [("cpr", $"this citizen is already handed over to the partnership with other data (case reference {other.Existing.CaseReference})")]);
                    break;
                case HandoverDecision.CohortFull full:
                    Reject(import, rowNumber, candidate.CaseReference, [("row", $"the cohort is full: {full.PlacesTaken} of {full.Capacity} places are taken")]);
                    break;
                case HandoverDecision.CaseReferenceTaken taken:
                    Reject(import, rowNumber, candidate.CaseReference, [("case_reference", Handovers.CaseReferenceTakenReason(taken))]);
                    break;
            }
        }
        // A batch is up to a thousand citizens: COPY carries them far cheaper than an INSERT each. They are
        // announced by one event, one outbox row in the batch's transaction.
        await CitizenCopy.InsertAsync(db, handedOver, cancellationToken);
        foreach (var announced in Handovers.HandedOver(handedOver)) db.AddToOutbox(announced, now);
    }

    private static void Result(ImportState import, int rowNumber, string citizenId, RowOutcome outcome) =>
        import.BatchResults.Add(new RowResult { RowNumber = rowNumber, CitizenId = citizenId, Outcome = outcome });

    private static void Reject(ImportState import, int rowNumber, string? caseReference, IEnumerable<(string Field, string Reason)> violations)
    {
        // The sender's reference is echoed back trimmed: it may be the very thing that was wrong.
        var reference = (caseReference ?? "").Trim();
        var result = new RowResult { RowNumber = rowNumber, CaseReference = reference.Length > 100 ? reference[..100] : reference, Outcome = RowOutcome.Rejected };
        result.Violations.AddRange(violations.Select(x => new RowViolation { Field = x.Field, Description = x.Reason }));
        import.BatchResults.Add(result);
    }
}
