using Grpc.Core;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;

namespace Partnerskab.Testing.Load;

/// <summary>
/// How much load: rounds of citizens, each handed over, reported on, claimed for and verified, at most this many calls
/// a second. With more than one citizen a round, the round's first claim is revoked again.
/// </summary>
public sealed record LoadOptions(int Rounds, int CitizensPerRound, double CallsPerSecond);

/// <summary>What a load run did, as the services answered it.</summary>
public sealed record LoadReport(int HandedOver, int StatusRowsAccepted, int StatusRowsRejected, int ClaimsVerified, int MilestonesReached,
    int ClaimsRevoked, int DocumentsIssued, int Retries);

/// <summary>
/// A steady load through the public gRPC APIs, as a kommune system and a provider would make it
/// on one partnership of its own: per round, hand citizens over; report a week of provider
/// statuses for them (the handovers of earlier rounds have reached the outcome service, those
/// of this round may not have yet, which the service rejects row by row); claim a job start for
/// each, and verify it, which reaches the "first verified job start" milestone and so a ledger
/// item; run the invoices of one month per round (2024-01 for the first), which puts what the
/// ledger holds by then on an invoice; and revoke the first of the round's claims again (when the
/// round has more than one citizen), which revokes its milestone and so credits the item, on a
/// credit note of a later run when the item was invoiced already. Like a careful client it retries a call that failed for want
/// of a service or a database, and every call is safe to repeat: a handover found already made is
/// looked up, claims are idempotent by reference, verifications by claim, revocations by claim
/// and reason, status streams by idempotency key, invoice runs by partnership and period.
/// </summary>
public sealed class LoadDriver(SuiteClients clients, LoadOptions options, TimeSpan patience)
{
    private static readonly StatusCode[] Transient =
        [StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.Internal, StatusCode.Unknown, StatusCode.Cancelled];

    private readonly TimeSpan interval = TimeSpan.FromSeconds(1 / options.CallsPerSecond);
    private readonly List<CallTiming> calls = [];
    private DateTime nextCall = DateTime.UtcNow;
    private int retries;

    public string PartnershipId { get; private set; } = "";

    /// <summary>Every call answered so far, in the order they were made.</summary>
    public IReadOnlyList<CallTiming> Calls => calls;

    /// <summary>A partnership with room for every citizen of the run, the job-start milestone and a rate card pricing it.</summary>
    public async Task PrepareAsync(string reference, CancellationToken cancellationToken = default)
    {
        var agreement = ThinSlice.HaderslevAgreement(reference);
        agreement.CohortCapacity = options.Rounds * options.CitizensPerRound + 1;
        // The contract runs on past next month: the revocations' credits are earned today, and only periods of the contract are invoiced.
        var nextYear = DateTime.UtcNow.Year + 1;
        agreement.ContractEnd = ThinSlice.Day(nextYear, 12, 31);
        PartnershipId = (await CallAsync(() => clients.Cohort.CreatePartnershipAsync(agreement, deadline: SuiteClients.Deadline(),
            cancellationToken: cancellationToken).ResponseAsync, cancellationToken)).Partnership.PartnershipId;
        await CallAsync(() => clients.Outcome.SetMilestoneDefinitionsAsync(new SetMilestoneDefinitionsRequest
        {
            PartnershipId = PartnershipId,
            Definitions =
            {
                new Protos.Outcome.V1.MilestoneDefinition
                {
                    Code = ThinSlice.JobStartCode, Description = "First verified job start",
                    RuleKind = MilestoneRuleKind.FirstVerifiedOutcome, OutcomeKind = OutcomeKind.JobStart,
                },
            },
        }, deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
        await CallAsync(() => clients.Payment.SetRateCardAsync(new Protos.Payment.V1.SetRateCardRequest
        {
            PartnershipId = PartnershipId,
            EffectiveFrom = ThinSlice.Day(2023, 3, 1),
            HandoverFeeOre = ThinSlice.HandoverFeeOre,
            MilestonePrices = { new Protos.Payment.V1.MilestonePrice { MilestoneCode = ThinSlice.JobStartCode, AmountOre = ThinSlice.JobStartPriceOre } },
            InvoicingPeriod = Protos.Payment.V1.BillingInterval.Monthly,
            PayeeAccount = new Protos.Payment.V1.PayeeAccount { BankRegistrationNumber = "1234", AccountNumber = "0012345678" },
        }, deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
    }

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken = default)
    {
        int handedOver = 0, accepted = 0, rejected = 0, verified = 0, milestones = 0, revoked = 0, documents = 0;
        for (var round = 0; round < options.Rounds; round++)
        {
            var citizens = new List<string>();
            for (var i = 0; i < options.CitizensPerRound; i++)
            {
                citizens.Add(await HandOverAsync(round * options.CitizensPerRound + i, cancellationToken));
                handedOver++;
            }
            var statuses = await ReportStatusesAsync(round, citizens, cancellationToken);
            accepted += statuses.Accepted;
            rejected += statuses.Rejected;
            var claims = new List<string>();
            foreach (var (citizenId, i) in citizens.Select((c, i) => (c, i)))
            {
                var claim = await ClaimJobStartAsync(citizenId, $"LOAD-{round}-{i}", cancellationToken);
                var verification = await CallAsync(() => clients.Outcome.VerifyOutcomeClaimAsync(
                    new VerifyOutcomeClaimRequest { ClaimId = claim.Claim.ClaimId, VerifiedBy = "load-driver" },
                    deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
                claims.Add(claim.Claim.ClaimId);
                verified++;
                milestones += verification.MilestonesReached.Count;
            }
            documents += (await RunInvoicesAsync(InvoicedMonth(round), cancellationToken)).Documents.Count;
            if (claims.Count > 1)
            {
                await CallAsync(() => clients.Outcome.RevokeOutcomeClaimAsync(
                    new RevokeOutcomeClaimRequest { ClaimId = claims[0], RevokedBy = "load-driver", Reason = "The payslip was withdrawn." },
                    deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
                revoked++;
            }
        }
        return new LoadReport(handedOver, accepted, rejected, verified, milestones, revoked, documents, retries);
    }

    /// <summary>The provider's claim of a job start on 2024-01-08 (inside every citizen's follow-up), by reference.</summary>
    public Task<ClaimOutcomeResponse> ClaimJobStartAsync(string citizenId, string reference, CancellationToken cancellationToken = default) =>
        CallAsync(() => clients.Outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
        {
            PartnershipId = PartnershipId,
            CitizenId = citizenId,
            ClaimReference = reference,
            Kind = OutcomeKind.JobStart,
            OutcomeDate = ThinSlice.Day(2024, 1, 8),
            HoursPerWeekHundredths = 37_00,
            EmployerCvr = "87654321",
            EvidenceReference = $"payslip {reference}",
        }, deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken).ResponseAsync, cancellationToken);

    /// <summary>
    /// Once the suite has settled: a preview of the invoice run of next month, which puts everything the ledger holds and
    /// no document carries yet on an invoice or a credit note. Credits are earned on the day of the revocation, today,
    /// after every month the rounds invoice; a run issued after today is refused, a preview may look ahead.
    /// </summary>
    public Task<Protos.Payment.V1.RunInvoicesResponse> PreviewTheRestAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return RunInvoicesAsync(new DateOnly(today.Year, today.Month, 1).AddMonths(1), cancellationToken, preview: true);
    }

    private static DateOnly InvoicedMonth(int round) => new DateOnly(2024, 1, 1).AddMonths(round);

    /// <summary>
    /// The invoice run of the month starting on the day, issued the day after it ends, once the partnership's registration
    /// has reached the payment service.
    /// </summary>
    private async Task<Protos.Payment.V1.RunInvoicesResponse> RunInvoicesAsync(DateOnly periodStart, CancellationToken cancellationToken, bool preview = false)
    {
        var request = new Protos.Payment.V1.RunInvoicesRequest
        {
            PartnershipId = PartnershipId,
            PeriodStart = Day(periodStart),
            IssueDate = Day(periodStart.AddMonths(1)),
            Preview = preview,
        };
        return await InvoiceRuns.OnceRegisteredAsync(() => CallAsync(() => clients.Payment.RunInvoicesAsync(request, deadline: SuiteClients.Deadline(),
            cancellationToken: cancellationToken).ResponseAsync, cancellationToken), patience, () => retries++, cancellationToken);
    }

    private static Google.Type.Date Day(DateOnly date) => ThinSlice.Day(date.Year, date.Month, date.Day);

    /// <summary>Hands over synthetic citizen n (case reference LOAD-n) on 2023-04-03; returns its pseudonym.</summary>
    public async Task<string> HandOverAsync(int n, CancellationToken cancellationToken = default)
    {
        var caseReference = $"LOAD-{n}";
        try
        {
            return (await CallAsync(() => clients.Cohort.HandOverCitizenAsync(new HandOverCitizenRequest
            {
                PartnershipId = PartnershipId,
                Cpr = SyntheticCitizens.Cpr(n),
                HandoverDate = ThinSlice.Day(2023, 4, 3),
                BenefitType = Protos.Cohort.V1.BenefitType.SicknessBenefit,
                WeeksSickListed = 30,
                CaseReference = caseReference,
            }, deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken).ResponseAsync, cancellationToken)).Citizen.CitizenId;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            // An earlier attempt committed although its answer was lost.
            return (await CallAsync(() => clients.Cohort.GetCitizenAsync(new GetCitizenRequest { PartnershipId = PartnershipId, CaseReference = caseReference },
                deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken).ResponseAsync, cancellationToken)).Citizen.CitizenId;
        }
    }

    /// <summary>One week (2023-W20, in every citizen's follow-up) of ordinary employment for each citizen, as the provider reports it.</summary>
    private Task<ReportWeeklyStatusesResponse> ReportStatusesAsync(int round, IReadOnlyList<string> citizens, CancellationToken cancellationToken)
    {
        var key = $"load-statuses-{round}";
        return CallAsync(async () =>
        {
            using var stream = clients.Outcome.ReportWeeklyStatuses(deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken);
            foreach (var (citizenId, i) in citizens.Select((c, i) => (c, i)))
            {
                await stream.RequestStream.WriteAsync(new ReportWeeklyStatusesRequest
                {
                    PartnershipId = i == 0 ? PartnershipId : "",
                    IdempotencyKey = i == 0 ? key : "",
                    Source = i == 0 ? StatusSource.Provider : StatusSource.Unspecified,
                    Row = new WeeklyStatusRow { CitizenId = citizenId, IsoWeekYear = 2023, IsoWeek = 20, Status = WeeklyStatus.OrdinaryEmployment, PaidHoursHundredths = 37_00 },
                }, cancellationToken);
            }
            await stream.RequestStream.CompleteAsync();
            return await stream.ResponseAsync;
        }, cancellationToken);
    }

    /// <summary>Paces the call to the configured rate and retries it while it fails for a transient reason, up to the patience.</summary>
    private async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var giveUpAt = DateTime.UtcNow + patience;
        var backOff = TimeSpan.FromMilliseconds(100);
        DateTime? began = null;
        for (var attempt = 1; ; attempt++)
        {
            var wait = nextCall - DateTime.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
            nextCall = DateTime.UtcNow + interval;
            began ??= DateTime.UtcNow;
            try
            {
                var answer = await call();
                calls.Add(new CallTiming(began.Value, DateTime.UtcNow, attempt));
                return answer;
            }
            catch (RpcException e) when (Transient.Contains(e.StatusCode) && DateTime.UtcNow < giveUpAt)
            {
                retries++;
                await Task.Delay(backOff, cancellationToken);
                backOff = TimeSpan.FromMilliseconds(Math.Min(backOff.TotalMilliseconds * 2, 2000));
            }
        }
    }
}
