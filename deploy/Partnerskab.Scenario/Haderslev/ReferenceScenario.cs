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
/// public gRPC APIs as a historical load: each call says when its facts were learnt
/// (<see cref="SuiteClients.RecordedAt"/>), in the order of <see cref="ReferencePlan.Timeline"/>,
/// so invoices are issued and quarters closed on their days and a correction's credit note falls
/// in the quarter it was learnt in. Then it asks the payment service what the partnership has
/// cost as of the committee's meeting, as known that day, and compares that with the seed's
/// figures. Every step is safe to repeat: the same reference, case references, idempotency keys,
/// claim and deliverable references and bank line ids make a second run answer with what the
/// first one made.
/// </summary>
public static class ReferenceScenario
{
    public const string DefaultReference = "haderslev-2023-synthetic";
    public const string DefaultProviderCvr = "12345678";

    public sealed record Result(string PartnershipId, IReadOnlyList<Invoice> Documents, GetPartnershipCostResponse Cost, IReadOnlyList<string> Differences,
        GetBusinessCaseResponse BusinessCase, GetInvestorPositionResponse InvestorPosition, ExportIndigoProjectResponse Indigo);

    public static async Task<Result> RunAsync(SuiteClients suite, string reference, string providerCvr, TextWriter log, CancellationToken cancellationToken = default)
    {
        var agreement = HaderslevAgreement(reference);
        agreement.Provider.Cvr = providerCvr;
        var registered = await suite.RecordedAt(ReferencePlan.AgreedAt).Cohort.CreatePartnershipAsync(agreement, deadline: Deadline(), cancellationToken: cancellationToken);
        // A historical load goes forward in time, so its moments cannot be given a second time: a
        // partnership loaded before is loaded again as of now, and every call answers with what the
        // first load made.
        Func<DateTimeOffset, SuiteClients> at = registered.Created ? suite.RecordedAt : _ => suite;
        var partnership = registered.Partnership;
        var id = partnership.PartnershipId;
        log.WriteLine($"partnership   {partnership.Reference} ({id}): {agreement.Kommune.Name}, {agreement.Provider.Name}, {agreement.Investor.Name}");
        log.WriteLine(registered.Created
            ? "loaded historically: each fact recorded at the moment the partnership's past says"
            : "loaded before: every call answers with what the first load made");

        await at(ReferencePlan.AgreedAt).Outcome.SetMilestoneDefinitionsAsync(new SetMilestoneDefinitionsRequest { PartnershipId = id, Definitions = { ReferencePlan.MilestoneDefinitions } },
            deadline: Deadline(), cancellationToken: cancellationToken);
        var rateCard = (await at(ReferencePlan.AgreedAt).Payment.SetRateCardAsync(ReferencePlan.RateCard(id), deadline: Deadline(), cancellationToken: cancellationToken)).RateCard;
        log.WriteLine($"rate card     v{rateCard.Version}, {rateCard.MilestonePrices.Count} milestone prices, {rateCard.DeliverableFees.Count} deliverable fees, quarterly invoices, "
            + $"{rateCard.InvestorPassThroughBasisPoints / 100} % of the outcome payments passed through to the investor");
        foreach (var cashFlow in ReferencePlan.InvestorCashFlows(id).Where(f => ReferencePlan.RecordedAt(f) <= ReferencePlan.HandedOverAt))
        {
            await at(ReferencePlan.RecordedAt(cashFlow)).Payment.RecordInvestorCashFlowAsync(cashFlow, deadline: Deadline(), cancellationToken: cancellationToken);
        }

        var citizens = await HandOverAsync(suite, at(ReferencePlan.HandedOverAt), id, reference, cancellationToken);
        await WaitForFollowUpAsync(suite, id, citizens.Values, cancellationToken);
        log.WriteLine($"handed over   {citizens.Count} synthetic citizens in April 2023");

        var documents = new List<Invoice>();
        var (statusWeeks, newStatusWeeks, jobStarts, deliverables, exits) = (0, 0, 0, 0, 0);
        foreach (var step in ReferencePlan.Timeline())
        {
            var clients = at(step.At);
            switch (step)
            {
                case ReferencePlan.StatusQuarter quarter:
                    var statuses = await ReportStatusesAsync(clients, $"{reference}:register-statuses:{quarter.From:yyyy-MM}",
                        citizens.OrderBy(c => c.Key).SelectMany(c => ReferencePlan.Statuses(c.Key, c.Value, quarter.From, quarter.To)), id, cancellationToken);
                    (statusWeeks, newStatusWeeks) = (statusWeeks + statuses.Accepted + statuses.Unchanged, newStatusWeeks + statuses.Accepted);
                    break;
                case ReferencePlan.JobStartClaim claim:
                    await ClaimJobStartAsync(clients, id, claim.Citizen, citizens[claim.Citizen], cancellationToken);
                    jobStarts++;
                    break;
                case ReferencePlan.DeliverableReport report:
                    var deliverable = report.Request.Clone();
                    deliverable.PartnershipId = id;
                    await clients.Outcome.ReportDeliverableAsync(deliverable, deadline: Deadline(), cancellationToken: cancellationToken);
                    deliverables++;
                    break;
                case ReferencePlan.WrongEnrolment:
                    await clients.Cohort.RecordExitAsync(new RecordExitRequest
                    {
                        PartnershipId = id, CitizenId = citizens[ReferencePlan.WronglyEnrolled], ExitDate = Day(2023, 7, 20), Reason = ExitReason.WronglyEnrolled,
                    }, deadline: Deadline(), cancellationToken: cancellationToken);
                    exits++;
                    log.WriteLine($"exit          citizen {ReferencePlan.WronglyEnrolled} exited as wrongly enrolled on 2023-07-20, after the Q2 2023 invoice");
                    break;
                case ReferencePlan.RegisterCorrection:
                    await ReportStatusesAsync(clients, $"{reference}:register-correction", [ReferencePlan.Correction(citizens[ReferencePlan.CorrectedCitizen])], id, cancellationToken);
                    log.WriteLine($"correction    on {step.At:yyyy-MM-dd} the register re-codes citizen {ReferencePlan.CorrectedCitizen}'s week of {ReferencePlan.CorrectedWeek:yyyy-MM-dd} as sickness benefit");
                    break;
                case ReferencePlan.InvestorCashFlowRecord record:
                    var cashFlow = record.Request.Clone();
                    cashFlow.PartnershipId = id;
                    await clients.Payment.RecordInvestorCashFlowAsync(cashFlow, deadline: Deadline(), cancellationToken: cancellationToken);
                    break;
                case ReferencePlan.InvoiceRun run:
                    await WaitForLedgerAsync(suite, id, await ExpectedLedgerItemsAsync(suite, id, exits, deliverables, cancellationToken), cancellationToken);
                    documents.AddRange(await RunInvoicesAsync(clients, id, run.Run, cancellationToken));
                    await ClosePeriodsAsync(clients, id, run.Run, cancellationToken);
                    break;
            }
        }
        log.WriteLine($"statuses      {statusWeeks} register weeks ({newStatusWeeks} new), quarter by quarter");
        log.WriteLine($"job starts    {jobStarts} claimed and verified; {deliverables} deliverables");
        var milestones = (await suite.Outcome.ListMilestonesAsync(new ListMilestonesRequest { PartnershipId = id },
            deadline: Deadline(), cancellationToken: cancellationToken)).Milestones;
        log.WriteLine($"milestones    {string.Join(", ", milestones.Where(m => !m.Revoked).GroupBy(m => m.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}"
            + $" ({milestones.Count(m => m.Revoked)} revoked)");
        var ledger = await WaitForLedgerAsync(suite, id, ReferencePlan.LedgerItems, cancellationToken);
        log.WriteLine($"ledger        {ledger} items; every invoiced quarter closed after its run, and each year after its last quarter");
        await RecordPaymentsAsync(at, reference, providerCvr, documents, cancellationToken);

        var listed = (await suite.Payment.ListInvoicesAsync(new ListInvoicesRequest { PartnershipId = id, AsOf = ReferencePlan.ReportDate },
            deadline: Deadline(), cancellationToken: cancellationToken)).Documents;
        log.WriteLine($"invoices and credit notes as of {FinanceDates.Text(ReferencePlan.ReportDate)} (the final bill follows on {FinanceDates.Text(ReferencePlan.Runs[^1].IssueDate)}):");
        log.Write(InvoiceDocuments.Table(listed));
        foreach (var credit in listed.Where(d => d.Kind == DocumentKind.CreditNote))
        {
            log.WriteLine($"credit note {credit.Number}, issued {FinanceDates.Text(credit.IssueDate)} for the quarter from {FinanceDates.Text(credit.PeriodStart)}, credits invoice {credit.CreditedInvoiceNumber}:");
            foreach (var line in credit.Lines) log.WriteLine($"  {line.Description}");
        }
        var cost = await suite.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest
        {
            PartnershipId = id, AsOf = ReferencePlan.ReportDate, KnownOn = ReferencePlan.ReportDate, ExcludingVat = true,
        }, deadline: Deadline(), cancellationToken: cancellationToken);
        log.Write(PartnershipCost.Report(cost));

        await suite.Outcome.SetBusinessCaseInputsAsync(ReferencePlan.BusinessCaseInputs(id), deadline: Deadline(), cancellationToken: cancellationToken);
        await SendComparisonGroupAsync(suite, reference, id, log, cancellationToken);
        var caseRequest = new GetBusinessCaseRequest
        {
            PartnershipId = id, AsOf = ReferencePlan.ReportDate, CostToDateOre = cost.TotalToDateOre, CostExpectedOre = cost.TotalExpectedOre,
        };
        var businessCase = await suite.Outcome.GetBusinessCaseAsync(caseRequest, deadline: Deadline(), cancellationToken: cancellationToken);
        log.Write(BusinessCaseView.Report(businessCase, caseRequest));

        var position = await suite.Payment.GetInvestorPositionAsync(new GetInvestorPositionRequest { PartnershipId = id, AsOf = ReferencePlan.ReportDate },
            deadline: Deadline(), cancellationToken: cancellationToken);
        log.WriteLine("the investor's cash flows are synthetic: its commitment and drawdowns made up, the outcome payments passed through from the kommune's payments");
        log.Write(InvestorView.Position(position));
        var indigo = await PublishIndigoAsync(suite, id, cancellationToken);
        log.WriteLine($"INDIGO project record as of {FinanceDates.Text(indigo.AsOf)} (standard {indigo.StandardVersion}), its public part only; private: "
            + string.Join(", ", indigo.Fields.Where(f => f.Disclosure != Disclosure.Public).Select(f => StatusCsv.Name(f.Field))));
        log.WriteLine(indigo.RecordJson);
        return new Result(id, documents, cost, [.. Differences(cost), .. InvestorDifferences(position)], businessCase, position, indigo);
    }

    /// <summary>The kommune makes the record's parts public that the plan names (only those not public yet, so a second run adds no setting), then exports it.</summary>
    private static async Task<ExportIndigoProjectResponse> PublishIndigoAsync(SuiteClients suite, string partnershipId, CancellationToken cancellationToken)
    {
        var request = new ExportIndigoProjectRequest { PartnershipId = partnershipId, AsOf = ReferencePlan.ReportDate };
        var before = await suite.Payment.ExportIndigoProjectAsync(request, deadline: Deadline(), cancellationToken: cancellationToken);
        var toPublish = ReferencePlan.PublicIndigoFields
            .Where(field => before.Fields.Single(f => f.Field == field).Disclosure != Disclosure.Public)
            .Select(field => new FieldDisclosure { Field = field, Disclosure = Disclosure.Public })
            .ToList();
        if (toPublish.Count == 0) return before;
        await suite.Payment.SetDisclosureAsync(new SetDisclosureRequest { PartnershipId = partnershipId, Fields = { toPublish } },
            deadline: Deadline(), cancellationToken: cancellationToken);
        return await suite.Payment.ExportIndigoProjectAsync(request, deadline: Deadline(), cancellationToken: cancellationToken);
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

    /// <summary>Where the investor's position differs from the plan's: every outcome payment passed through, the capital repaid from them.</summary>
    public static IReadOnlyList<string> InvestorDifferences(GetInvestorPositionResponse position)
    {
        var drawn = ReferencePlan.InvestorCashFlows("").Where(f => f.Kind == InvestorCashFlowKind.Drawdown).Sum(f => f.AmountOre);
        var differences = new List<string>();
        if (position.OutcomePaymentsOre != ReferencePlan.InvestorOutcomePaymentsOre)
        {
            differences.Add($"passed through to the investor: {Dkk(position.OutcomePaymentsOre)}, the plan says {Dkk(ReferencePlan.InvestorOutcomePaymentsOre)}");
        }
        if (position.DrawnOre != drawn) differences.Add($"drawn by the investor: {Dkk(position.DrawnOre)}, the plan says {Dkk(drawn)}");
        return differences;
    }

    private static async Task<Dictionary<int, string>> HandOverAsync(SuiteClients suite, SuiteClients load, string partnershipId, string reference,
        CancellationToken cancellationToken)
    {
        var response = await StreamAsync(load.Cohort.ImportCitizens(deadline: Deadline().AddSeconds(30), cancellationToken: cancellationToken),
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

    /// <summary>
    /// The synthetic comparison group: the register's weeks first, then the citizens with the day
    /// they entered the target group (the service takes them in either order).
    /// </summary>
    private static async Task SendComparisonGroupAsync(SuiteClients suite, string reference, string partnershipId, TextWriter log, CancellationToken cancellationToken)
    {
        var group = Enumerable.Range(1, ReferencePlan.ComparisonCitizens).Select(k => (K: k, Id: ReferencePlan.ComparisonPseudonym(reference, k))).ToList();
        var weeks = await ReportStatusesAsync(suite, $"{reference}:comparison-statuses", group.SelectMany(c => ReferencePlan.ComparisonStatuses(c.K, c.Id)),
            partnershipId, cancellationToken, StatusSource.ComparisonRegister);
        await suite.Outcome.RegisterComparisonCitizensAsync(new RegisterComparisonCitizensRequest
        {
            PartnershipId = partnershipId,
            Citizens = { group.Select(c => new ComparisonCitizen { CitizenId = c.Id, TargetGroupStart = ReferencePlan.ToDate(ReferencePlan.ComparisonStart(c.K)) }) },
        }, deadline: Deadline(), cancellationToken: cancellationToken);
        log.WriteLine($"comparison    {group.Count} synthetic citizens of the target group not handed over, entered it in May and June 2023; "
            + $"{weeks.Accepted + weeks.Unchanged} register weeks");
    }

    private static async Task<ReportWeeklyStatusesResponse> ReportStatusesAsync(SuiteClients load, string idempotencyKey, IEnumerable<WeeklyStatusRow> rows,
        string partnershipId, CancellationToken cancellationToken, StatusSource source = StatusSource.Register)
    {
        var response = await StreamAsync(load.Outcome.ReportWeeklyStatuses(deadline: DateTime.UtcNow.AddMinutes(5), cancellationToken: cancellationToken),
            rows.Select(row => new ReportWeeklyStatusesRequest
            {
                PartnershipId = partnershipId, IdempotencyKey = idempotencyKey, Source = source, Row = row,
            }), cancellationToken);
        if (response.Rejected > 0)
        {
            throw new InvalidOperationException($"{response.Rejected} weekly statuses rejected: {response.Results.First(r => r.Outcome == StatusRowOutcome.Rejected)}");
        }
        return response;
    }

    private static async Task ClaimJobStartAsync(SuiteClients load, string partnershipId, int n, string citizenId, CancellationToken cancellationToken)
    {
        var job = ReferencePlan.JobOf(n)!;
        var claim = (await load.Outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
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
        await load.Outcome.VerifyOutcomeClaimAsync(new VerifyOutcomeClaimRequest { ClaimId = claim.ClaimId, VerifiedBy = "jobcenter-haderslev-synthetic" },
            deadline: Deadline(), cancellationToken: cancellationToken);
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

    private static async Task<IEnumerable<Invoice>> RunInvoicesAsync(SuiteClients load, string partnershipId, ReferencePlan.Run run, CancellationToken cancellationToken) =>
        (await load.Payment.RunInvoicesAsync(new RunInvoicesRequest { PartnershipId = partnershipId, PeriodStart = run.PeriodStart, IssueDate = run.IssueDate },
            deadline: Deadline(), cancellationToken: cancellationToken)).Documents;

    /// <summary>Finance closes the quarter once it is invoiced, and the year with its last quarter: nothing booked in them changes after.</summary>
    private static async Task ClosePeriodsAsync(SuiteClients load, string partnershipId, ReferencePlan.Run run, CancellationToken cancellationToken)
    {
        await load.Payment.ClosePeriodAsync(new ClosePeriodRequest { PartnershipId = partnershipId, PeriodStart = run.PeriodStart },
            deadline: Deadline(), cancellationToken: cancellationToken);
        if (run.PeriodStart.Month == 10)
        {
            await load.Payment.ClosePeriodAsync(new ClosePeriodRequest { PartnershipId = partnershipId, Year = run.PeriodStart.Year },
                deadline: Deadline(), cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// What the ledger holds once the events of the facts loaded so far have arrived: a fee per handover, the wrongly enrolled
    /// citizen's credit, a fee per deliverable, an item per milestone reached and a credit per milestone revoked.
    /// </summary>
    private static async Task<int> ExpectedLedgerItemsAsync(SuiteClients suite, string partnershipId, int exits, int deliverables, CancellationToken cancellationToken)
    {
        var milestones = (await suite.Outcome.ListMilestonesAsync(new ListMilestonesRequest { PartnershipId = partnershipId },
            deadline: Deadline(), cancellationToken: cancellationToken)).Milestones;
        return ReferencePlan.Citizens + exits + deliverables + milestones.Count + milestones.Count(m => m.Revoked);
    }

    /// <summary>Events reach the ledger asynchronously; an invoice run must wait until the items it is to invoice are there.</summary>
    private static async Task<int> WaitForLedgerAsync(SuiteClients suite, string partnershipId, int expected, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var items = (await suite.Payment.GetWholeLedgerAsync(new GetLedgerRequest { PartnershipId = partnershipId },
                deadline: Deadline(), cancellationToken: cancellationToken)).Items.Count;
            if (items >= expected) return items;
            if (DateTime.UtcNow > until) throw new TimeoutException($"the ledger holds {items} of the {expected} items expected");
            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>
    /// The kommune pays each invoice of a paid run in full, less what credit notes take back of it (it withheld that), each
    /// payment recorded on the day its bank booked it.
    /// </summary>
    private static async Task RecordPaymentsAsync(Func<DateTimeOffset, SuiteClients> at, string reference, string providerCvr, IReadOnlyList<Invoice> documents,
        CancellationToken cancellationToken)
    {
        foreach (var run in ReferencePlan.Runs.Where(r => r.PaidOn is not null))
        {
            var invoice = documents.Single(d => d.Kind == DocumentKind.Invoice && d.PeriodStart.Equals(run.PeriodStart));
            var credited = documents.Where(d => d.Kind == DocumentKind.CreditNote && d.CreditedInvoiceId == invoice.InvoiceId).Sum(d => d.TotalAmountOre);
            var request = new RecordPaymentsRequest { IssuerCvr = providerCvr };
            request.Lines.Add(new BankStatementLine
            {
                BankLineId = $"{reference}:{invoice.Number}", AmountOre = invoice.TotalAmountOre - credited, BookedOn = run.PaidOn,
                Reference = $"Faktura {invoice.Number}",
            });
            var paidOn = new DateOnly(run.PaidOn!.Year, run.PaidOn.Month, run.PaidOn.Day);
            await at(ReferencePlan.Recorded(paidOn)).Payment.RecordPaymentsAsync(request, deadline: Deadline(), cancellationToken: cancellationToken);
        }
    }

    /// <summary>A batch loader's deadline: longer than an interactive caller's, since a shared, busy machine can be slow to answer.</summary>
    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(30);
}
