using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;
using Partnerskab.Payment.Reconciliation;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.Tokens;

namespace Partnerskab.Payment.Costs;

/// <summary>What a partnership has cost as of a date (<see cref="CostReport"/>): validate, read, compute, map.</summary>
public sealed class GetPartnershipCostHandler(PaymentDbContext db, IClock clock)
{
    private static readonly string[] CitizenLevelReaders = [SuiteRoles.Finance, SuiteRoles.Kommune, SuiteRoles.Provider];

    public async Task<GetPartnershipCostResponse> HandleAsync(GetPartnershipCostRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var asOf = request.AsOf is null ? clock.Today() : v.Date(request.AsOf, "as_of");
        var recordedBefore = KnownOn.RecordedBefore(v, request.KnownOn);
        var payerId = request.PayerId.Trim();
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var versions = await db.RateCards.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && (recordedBefore == null || c.CreatedAt < recordedBefore)).ToListAsync(cancellationToken);
        var payers = versions.SelectMany(c => c.Payers).Select(p => p.PayerId).Distinct().Order(StringComparer.Ordinal).ToList();
        if (payerId.Length > 0 && !payers.Contains(payerId))
        {
            throw DomainException.NotFound($"Partnership {partnershipId} has no payer {payerId} on its rate cards.");
        }
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.PartnershipId == partnershipId, cancellationToken);
        var contract = partnership is { Version: > 0 } ? new CostReport.Contract(partnershipId, partnership.ContractStart, partnership.ContractEnd) : null;
        var citizenLevel = context.Caller().Roles.Any(CitizenLevelReaders.Contains);
        var ledger = await LedgerTotals.ReadAsync(db, partnershipId, asOf, contract?.PeriodicFeeCauseKeys(versions, asOf) ?? [],
            perCitizen: citizenLevel && Pricing.InForce(versions, asOf)?.CapPerCitizenOre is not null, recordedBefore, cancellationToken);
        var issuers = await db.Invoices.Where(d => d.PartnershipId == partnershipId).Select(d => d.IssuerCvr).Distinct().ToListAsync(cancellationToken);
        var reconciled = (await IssuerReconciliation.ReadAsync(db, issuers, asOf, cancellationToken, recordedBefore)).Invoices
            .Where(r => r.Invoice.PartnershipId == partnershipId)
            .ToList();
        var report = CostReport.Compute(asOf, ledger, reconciled, versions, contract, request.ExcludingVat, payerId.Length > 0 ? payerId : null);

        var response = new GetPartnershipCostResponse
        {
            PartnershipId = partnershipId.ToString(),
            AsOf = asOf.ToProto(),
            ExcludingVat = request.ExcludingVat,
            TotalEarnedOre = report.Years.Sum(y => y.EarnedOre),
            LedgerItems = report.LedgerItems,
            TotalPaidOre = report.PaidOre,
            TotalInvoicedUnpaidOre = report.InvoicedUnpaidOre,
            TotalEarnedNotInvoicedOre = report.EarnedNotInvoicedOre,
            TotalToDateOre = report.ToDateOre,
            TotalExpectedOre = report.ExpectedOre,
            CitizensHandedOver = report.CitizensHandedOver,
            CostPerCitizenOre = report.CostPerCitizenOre,
            MilestonesReached = report.MilestonesReached,
            CostPerMilestoneOre = report.CostPerMilestoneOre,
            UnpricedItems = await db.Ledger.CountAsync(i => i.PartnershipId == partnershipId && i.Unpriced && i.Lead && i.EarnedOn <= asOf
                && (recordedBefore == null || i.RecordedAt < recordedBefore)
                && !db.Ledger.Any(o => (o.CauseKey == LedgerBook.PricedPrefix + i.CauseKey || o.CauseKey == LedgerBook.CreditPrefix + i.CauseKey)
                    && (recordedBefore == null || o.RecordedAt < recordedBefore)), cancellationToken),
        };
        if (request.KnownOn is not null) response.KnownOn = request.KnownOn;
        response.PayerId = payerId;
        if (payerId.Length == 0)
        {
            // The kommune paying alone ("") has items of its own while, or before, no card splits prices.
            var ledgerPayers = ledger.Earned.Select(d => d.PayerId).Distinct();
            response.Payers.AddRange(ledgerPayers.Union(payers).Distinct().Order(StringComparer.Ordinal)
                .Select(p => ToProto(p, CostReport.Compute(asOf, ledger, reconciled, versions, contract, request.ExcludingVat, p))));
        }
        // The room under each citizen's cap is a record per citizen: not for the committee's and investor's aggregate view.
        if (citizenLevel)
        {
            response.CitizenCaps.AddRange(report.CitizenCaps.Select(c => new Protos.Payment.V1.CitizenCapRoom
            {
                CitizenId = c.CitizenId, BookedOre = c.BookedOre, RemainingOre = c.RemainingOre,
            }));
            AuditCall.Citizens(partnershipId, report.CitizenCaps.Select(c => c.CitizenId));
        }
#pragma warning disable CS0612 // The fields milestones_reached replaces, kept filled for the clients that read them.
        response.VerifiedOutcomes = report.MilestonesReached;
        response.CostPerVerifiedOutcomeOre = report.CostPerMilestoneOre;
#pragma warning restore CS0612
        if (report.ContractCapRemainingOre is { } contractRoom) response.ContractCapRemainingOre = contractRoom;
        response.Years.AddRange(report.Years.Select(ToProto));
        return response;
    }

    private static PayerCost ToProto(string payerId, CostReport.Report report)
    {
        var proto = new PayerCost
        {
            PayerId = payerId,
            TotalEarnedOre = report.Years.Sum(y => y.EarnedOre),
            TotalPaidOre = report.PaidOre,
            TotalInvoicedUnpaidOre = report.InvoicedUnpaidOre,
            TotalEarnedNotInvoicedOre = report.EarnedNotInvoicedOre,
            TotalToDateOre = report.ToDateOre,
            TotalExpectedOre = report.ExpectedOre,
        };
        if (report.ContractCapRemainingOre is { } room) proto.CapRemainingOre = room;
        return proto;
    }

    private static YearCost ToProto(CostReport.Year year)
    {
        var proto = new YearCost
        {
            Year = year.Number,
            EarnedOre = year.EarnedOre,
            PaidOre = year.PaidOre,
            InvoicedUnpaidOre = year.InvoicedUnpaidOre,
            EarnedNotInvoicedOre = year.EarnedNotInvoicedOre,
            ExpectedOre = year.ExpectedOre,
            CorrectedEarnedOre = year.CorrectedEarnedOre,
        };
        if (year.BudgetOre is { } budget) proto.BudgetOre = budget;
        if (year.ShareSpentBasisPoints is { } share) proto.ShareSpentBasisPoints = share;
        if (year.ExpectedDifferenceOre is { } difference) proto.ExpectedDifferenceOre = difference;
        if (year.CapRemainingOre is { } room) proto.CapRemainingOre = room;
        return proto;
    }
}
