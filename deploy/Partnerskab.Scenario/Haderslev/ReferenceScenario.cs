using Grpc.Core;
using Partnerskab.Cli.Finance;
using Partnerskab.Cli.Outcome;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using static Partnerskab.Scenario.ThinSlice;

namespace Partnerskab.Scenario.Haderslev;

/// <summary>
/// Loads the Haderslev reference case (<see cref="ReferencePlan"/>, synthetic data) through the
/// public gRPC APIs, then asks the payment service what the partnership has cost as of the
/// committee's meeting and compares that with the seed's figures. Every step is safe to repeat:
/// the same reference, case references, idempotency keys, claim and deliverable references and
/// bank line ids make a second run answer with what the first one made.
/// </summary>
public static class ReferenceScenario
{
    public const string DefaultReference = "haderslev-2023-synthetic";
    public const string DefaultProviderCvr = "12345678";

    public sealed record Result(string PartnershipId, IReadOnlyList<Invoice> Documents, GetPartnershipCostResponse Cost, IReadOnlyList<string> Differences,
        GetBusinessCaseResponse BusinessCase);

    public static async Task<Result> RunAsync(SuiteClients suite, string reference, string providerCvr, TextWriter log, CancellationToken cancellationToken = default)
    {
        var agreement = HaderslevAgreement(reference);
        agreement.Provider.Cvr = providerCvr;
        var partnership = (await suite.Cohort.CreatePartnershipAsync(agreement, deadline: Deadline(), cancellationToken: cancellationToken)).Partnership;
        var id = partnership.PartnershipId;
        log.WriteLine($"partnership   {partnership.Reference} ({id}): {agreement.Kommune.Name}, {agreement.Provider.Name}, {agreement.Investor.Name}");

        await suite.Outcome.SetMilestoneDefinitionsAsync(new SetMilestoneDefinitionsRequest { PartnershipId = id, Definitions = { ReferencePlan.MilestoneDefinitions } },
            deadline: Deadline(), cancellationToken: cancellationToken);
        var rateCard = (await suite.Payment.SetRateCardAsync(ReferencePlan.RateCard(id), deadline: Deadline(), cancellationToken: cancellationToken)).RateCard;
        log.WriteLine($"rate card     v{rateCard.Version}, {rateCard.MilestonePrices.Count} milestone prices, {rateCard.DeliverableFees.Count} deliverable fees, quarterly invoices");

        var citizens = await HandOverAsync(suite, id, reference, cancellationToken);
        await WaitForFollowUpAsync(suite, id, citizens.Values, cancellationToken);
        await WaitForLedgerAsync(suite, id, ReferencePlan.Citizens, cancellationToken);
        // The Q2 2023 invoice goes out before the kommune finds citizen 150 wrongly enrolled, so his fee comes back on a credit note.
        var documents = new List<Invoice>(await RunInvoicesAsync(suite, id, ReferencePlan.Runs[0], cancellationToken));
        await suite.Cohort.RecordExitAsync(new RecordExitRequest
        {
            PartnershipId = id, CitizenId = citizens[ReferencePlan.WronglyEnrolled], ExitDate = Day(2023, 7, 20), Reason = ExitReason.WronglyEnrolled,
        }, deadline: Deadline(), cancellationToken: cancellationToken);
        log.WriteLine($"handed over   {citizens.Count} synthetic citizens in April 2023; citizen {ReferencePlan.WronglyEnrolled} exited as wrongly enrolled on 2023-07-20");

        var statuses = await ReportStatusesAsync(suite, id, reference, citizens, cancellationToken);
        log.WriteLine($"statuses      {statuses.Accepted + statuses.Unchanged} register weeks ({statuses.Accepted} new)");
        var jobStarts = await ClaimJobStartsAsync(suite, id, citizens, cancellationToken);
        log.WriteLine($"job starts    {jobStarts} claimed and verified");
        foreach (var deliverable in ReferencePlan.Deliverables(id))
        {
            await suite.Outcome.ReportDeliverableAsync(deliverable, deadline: Deadline(), cancellationToken: cancellationToken);
        }
        var milestones = (await suite.Outcome.ListMilestonesAsync(new ListMilestonesRequest { PartnershipId = id },
            deadline: Deadline(), cancellationToken: cancellationToken)).Milestones;
        log.WriteLine($"milestones    {string.Join(", ", milestones.GroupBy(m => m.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}");

        var ledger = await WaitForLedgerAsync(suite, id, ReferencePlan.LedgerItems, cancellationToken);
        log.WriteLine($"ledger        {ledger} items");
        foreach (var run in ReferencePlan.Runs.Skip(1))
        {
            documents.AddRange(await RunInvoicesAsync(suite, id, run, cancellationToken));
        }
        await RecordPaymentsAsync(suite, reference, providerCvr, documents, cancellationToken);

        var listed = (await suite.Payment.ListInvoicesAsync(new ListInvoicesRequest { PartnershipId = id, AsOf = ReferencePlan.ReportDate },
            deadline: Deadline(), cancellationToken: cancellationToken)).Documents;
        log.WriteLine($"invoices and credit notes as of {FinanceDates.Text(ReferencePlan.ReportDate)} (the final bill follows on {FinanceDates.Text(ReferencePlan.Runs[^1].IssueDate)}):");
        log.Write(InvoiceDocuments.Table(listed));
        var cost = await suite.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest { PartnershipId = id, AsOf = ReferencePlan.ReportDate, ExcludingVat = true },
            deadline: Deadline(), cancellationToken: cancellationToken);
        log.Write(PartnershipCost.Report(cost));

        await suite.Outcome.SetBusinessCaseInputsAsync(ReferencePlan.BusinessCaseInputs(id), deadline: Deadline(), cancellationToken: cancellationToken);
        var caseRequest = new GetBusinessCaseRequest
        {
            PartnershipId = id, AsOf = ReferencePlan.ReportDate, CostToDateOre = cost.TotalToDateOre, CostExpectedOre = cost.TotalExpectedOre,
        };
        var businessCase = await suite.Outcome.GetBusinessCaseAsync(caseRequest, deadline: Deadline(), cancellationToken: cancellationToken);
        log.Write(BusinessCaseView.Report(businessCase, caseRequest));
        return new Result(id, documents, cost, Differences(cost), businessCase);
    }

    /// <summary>Where the report differs from the seed's figures (0.3 / 2.4 / 0.8 paid, 2.1 expected, 5.6 in all), in words.</summary>
    public static IReadOnlyList<string> Differences(GetPartnershipCostResponse cost)
    {
        var differences = new List<string>();
        foreach (var (year, paid) in ReferencePlan.PaidByYearOre)
        {
            var reported = cost.Years.FirstOrDefault(y => y.Year == year)?.PaidOre ?? 0;
            if (reported != paid) differences.Add($"paid in {year}: {Dkk(reported)}, the seed says {Dkk(paid)}");
        }
        if (cost.TotalExpectedOre - cost.TotalPaidOre != ReferencePlan.StillExpectedOre)
        {
            differences.Add($"still expected: {Dkk(cost.TotalExpectedOre - cost.TotalPaidOre)}, the seed says {Dkk(ReferencePlan.StillExpectedOre)}");
        }
        if (cost.TotalExpectedOre != ReferencePlan.TotalOre) differences.Add($"in all: {Dkk(cost.TotalExpectedOre)}, the seed says {Dkk(ReferencePlan.TotalOre)}");
        return differences;
    }

    private static async Task<Dictionary<int, string>> HandOverAsync(SuiteClients suite, string partnershipId, string reference, CancellationToken cancellationToken)
    {
        var response = await StreamAsync(suite.Cohort.ImportCitizens(deadline: Deadline().AddSeconds(30), cancellationToken: cancellationToken),
            Enumerable.Range(1, ReferencePlan.Citizens).Select(n => new ImportCitizensRequest
            {
                PartnershipId = partnershipId, IdempotencyKey = $"{reference}:handover", Row = ReferencePlan.Handover(n),
            }), cancellationToken);
        if (response.Rejected > 0)
        {
            throw new InvalidOperationException($"{response.Rejected} handovers rejected: {response.Results.First(r => r.Outcome == RowOutcome.Rejected)}");
        }
        var citizens = await suite.Cohort.ListCitizensAsync(new ListCitizensRequest { PartnershipId = partnershipId, PageSize = 1000 },
            deadline: Deadline(), cancellationToken: cancellationToken);
        var byCase = citizens.Citizens.ToDictionary(c => c.CaseReference, c => c.CitizenId);
        return Enumerable.Range(1, ReferencePlan.Citizens).ToDictionary(n => n, n => byCase[ReferencePlan.CaseReference(n)]);
    }

    /// <summary>The outcome service learns of each handover by event; statuses and claims of a citizen it does not know yet are refused.</summary>
    private static async Task WaitForFollowUpAsync(SuiteClients suite, string partnershipId, IEnumerable<string> citizenIds, CancellationToken cancellationToken)
    {
        var waiting = citizenIds.ToList();
        var until = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var unknown = new List<string>();
            foreach (var citizenId in waiting)
            {
                try
                {
                    await suite.Outcome.GetTimelineAsync(new GetTimelineRequest { PartnershipId = partnershipId, CitizenId = citizenId },
                        deadline: Deadline(), cancellationToken: cancellationToken);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
                {
                    unknown.Add(citizenId);
                }
            }
            if (unknown.Count == 0) return;
            if (DateTime.UtcNow > until) throw new TimeoutException($"{unknown.Count} handovers have not reached the outcome service");
            waiting = unknown;
            await Task.Delay(500, cancellationToken);
        }
    }

    private static async Task<ReportWeeklyStatusesResponse> ReportStatusesAsync(SuiteClients suite, string partnershipId, string reference,
        IReadOnlyDictionary<int, string> citizens, CancellationToken cancellationToken)
    {
        var response = await StreamAsync(suite.Outcome.ReportWeeklyStatuses(deadline: DateTime.UtcNow.AddMinutes(5), cancellationToken: cancellationToken),
            citizens.OrderBy(c => c.Key).SelectMany(c => ReferencePlan.Statuses(c.Key, c.Value)).Select(row => new ReportWeeklyStatusesRequest
            {
                PartnershipId = partnershipId, IdempotencyKey = $"{reference}:register-statuses", Source = StatusSource.Register, Row = row,
            }), cancellationToken);
        if (response.Rejected > 0)
        {
            throw new InvalidOperationException($"{response.Rejected} weekly statuses rejected: {response.Results.First(r => r.Outcome == StatusRowOutcome.Rejected)}");
        }
        return response;
    }

    private static async Task<int> ClaimJobStartsAsync(SuiteClients suite, string partnershipId, IReadOnlyDictionary<int, string> citizens, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var (n, citizenId) in citizens.OrderBy(c => c.Key))
        {
            if (ReferencePlan.JobOf(n) is not { } job) continue;
            var claim = (await suite.Outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
            {
                PartnershipId = partnershipId,
                CitizenId = citizenId,
                ClaimReference = $"HAD-SYN-JS-{n:D4}",
                Kind = OutcomeKind.JobStart,
                OutcomeDate = ReferencePlan.ToDate(job.Start),
                HoursPerWeekHundredths = 30_00,
                EmployerCvr = $"{40_000_000 + n}",
                EvidenceReference = $"synthetic employment contract, case {ReferencePlan.CaseReference(n)}",
            }, deadline: Deadline(), cancellationToken: cancellationToken)).Claim;
            await suite.Outcome.VerifyOutcomeClaimAsync(new VerifyOutcomeClaimRequest { ClaimId = claim.ClaimId, VerifiedBy = "jobcenter-haderslev-synthetic" },
                deadline: Deadline(), cancellationToken: cancellationToken);
            count++;
        }
        return count;
    }

    /// <summary>
    /// Streams the requests and returns the answer. A stream sent before (same idempotency key) is
    /// answered from the stored result after its first message and the rest is cut off; awaiting
    /// the call then gives that answer, or the call's own error.
    /// </summary>
    private static async Task<TResponse> StreamAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, IEnumerable<TRequest> requests,
        CancellationToken cancellationToken)
    {
        using (call)
        {
            try
            {
                foreach (var request in requests) await call.RequestStream.WriteAsync(request, cancellationToken);
                await call.RequestStream.CompleteAsync();
            }
            catch (RpcException) when (!cancellationToken.IsCancellationRequested)
            {
                // The call has ended (with OK or Cancelled on the write, depending on timing); its result tells which way.
            }
            return await call;
        }
    }

    private static async Task<IEnumerable<Invoice>> RunInvoicesAsync(SuiteClients suite, string partnershipId, ReferencePlan.Run run, CancellationToken cancellationToken) =>
        (await suite.Payment.RunInvoicesAsync(new RunInvoicesRequest { PartnershipId = partnershipId, PeriodStart = run.PeriodStart, IssueDate = run.IssueDate },
            deadline: Deadline(), cancellationToken: cancellationToken)).Documents;

    /// <summary>Events reach the ledger asynchronously; an invoice run must wait until the items it is to invoice are there.</summary>
    private static async Task<int> WaitForLedgerAsync(SuiteClients suite, string partnershipId, int expected, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var items = (await suite.Payment.GetLedgerAsync(new GetLedgerRequest { PartnershipId = partnershipId },
                deadline: Deadline(), cancellationToken: cancellationToken)).Items.Count;
            if (items >= expected) return items;
            if (DateTime.UtcNow > until) throw new TimeoutException($"the ledger holds {items} of the {expected} items expected");
            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>The kommune pays each invoice of a paid run in full, less what credit notes take back of it (it withheld that).</summary>
    private static async Task RecordPaymentsAsync(SuiteClients suite, string reference, string providerCvr, IReadOnlyList<Invoice> documents,
        CancellationToken cancellationToken)
    {
        var request = new RecordPaymentsRequest { IssuerCvr = providerCvr };
        foreach (var run in ReferencePlan.Runs.Where(r => r.PaidOn is not null))
        {
            var invoice = documents.Single(d => d.Kind == DocumentKind.Invoice && d.PeriodStart.Equals(run.PeriodStart));
            var credited = documents.Where(d => d.Kind == DocumentKind.CreditNote && d.CreditedInvoiceId == invoice.InvoiceId).Sum(d => d.TotalAmountOre);
            request.Lines.Add(new BankStatementLine
            {
                BankLineId = $"{reference}:{invoice.Number}", AmountOre = invoice.TotalAmountOre - credited, BookedOn = run.PaidOn,
                Reference = $"Faktura {invoice.Number}",
            });
        }
        await suite.Payment.RecordPaymentsAsync(request, deadline: Deadline(), cancellationToken: cancellationToken);
    }

    /// <summary>A batch loader's deadline: longer than an interactive caller's, since a shared, busy machine can be slow to answer.</summary>
    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(30);
}
