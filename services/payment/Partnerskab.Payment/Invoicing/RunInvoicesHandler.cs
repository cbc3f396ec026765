using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Investments;
using Partnerskab.Payment.Partnerships;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.Invoicing;

/// <summary>
/// Runs (or previews) the invoice run of a partnership's invoicing period; running it again
/// answers with the documents it made.
/// </summary>
public sealed class RunInvoicesHandler(PaymentDbContext db, IClock clock)
{
    public async Task<RunInvoicesResponse> HandleAsync(RunInvoicesRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var periodStart = v.Date(request.PeriodStart, "period_start");
        var issueDate = v.Date(request.IssueDate, "issue_date");
        if (periodStart != default) v.Check(periodStart.Day == 1, "period_start", "must be the first day of a month or quarter");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await using var transaction = await PartnershipLock.BeginAsync(db, partnershipId, cancellationToken);
        var done = await db.InvoiceRuns.AsNoTracking()
            .FirstOrDefaultAsync(r => r.PartnershipId == partnershipId && r.PeriodStart == periodStart, cancellationToken);
        if (done is not null)
        {
            var made = await db.Invoices.AsNoTracking().Where(d => d.RunId == done.Id).OrderBy(d => d.Number).ToListAsync(cancellationToken);
            InvoiceDocuments.AuditCitizens(partnershipId, made);
            return new RunInvoicesResponse
            {
                Documents = { await InvoiceDocuments.WithStandingsAsync(db, made, clock.Today(), cancellationToken) }, Created = false,
            };
        }

        var terms = await TermsAsync(partnershipId, periodStart, issueDate, request.Preview, v, cancellationToken);
        var now = clock.GetCurrentInstant();
        var documents = await InvoiceRuns.RunAsync(db, terms, request.Preview, now, cancellationToken);
        InvoiceDocuments.AuditCitizens(partnershipId, documents);
        if (request.Preview)
        {
            return new RunInvoicesResponse { Documents = { documents.Select(d => InvoiceDocuments.ToProto(d, null)) }, Created = false };
        }
        // A payment recorded before the invoice it names was issued passes its outcome part through now.
        await PassThroughRecords.AddAsync(db, terms.Partnership.ProviderCvr, context.Caller().Subject, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RunInvoicesResponse
        {
            Documents = { documents.Select(d => InvoiceDocuments.ToProto(d, InvoiceStanding.Of(d, [], [], d.IssueDate))) },
            Created = true,
        };
    }

    /// <summary>
    /// The rate card, parties and period a run invoices under, or why it cannot run: a period
    /// that does not start an invoicing period of the rate card or starts after the contract's
    /// end, or an issue date before the period's end or (unless previewed) after today, is invalid
    /// input; missing parties, rate card or payee account, or a later period already run, are refusals. (A closed
    /// period has been run, as closing needs, so running it again answers with its documents, unchanged.)
    /// </summary>
    private async Task<InvoiceRuns.Terms> TermsAsync(Guid partnershipId, LocalDate periodStart, LocalDate issueDate, bool preview, RequestValidator v,
        CancellationToken cancellationToken)
    {
        var versions = await db.RateCards.AsNoTracking().Where(c => c.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var card = Pricing.InForce(versions, periodStart)
            ?? throw DomainException.FailedPrecondition($"No rate card of partnership {partnershipId} is in force on {periodStart:uuuu-MM-dd}.");
        var period = InvoicingPeriod.StartingOn(periodStart, card.InvoicingPeriod, out var problem);
        if (period is null) v.Add("period_start", problem!);
        v.ThrowIfInvalid();

        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.PartnershipId == partnershipId, cancellationToken);
        if (partnership is not { Reference: not null, Version: > 0 })
        {
            throw DomainException.FailedPrecondition(
                $"The registration of partnership {partnershipId} has not reached the payment service yet; its parties are unknown.");
        }
        foreach (var (field, description) in InvoiceRunDates.Violations(period!, issueDate, preview, clock.Today(), partnership.LastFollowUpDay))
        {
            v.Add(field, description);
        }
        v.ThrowIfInvalid();
        if (card is not { PayeeBankRegistrationNumber: not null, PayeeAccountNumber: not null })
        {
            throw DomainException.FailedPrecondition($"Rate card version {card.Version} has no payee account; invoices cannot be issued without one.");
        }
        var later = await db.InvoiceRuns.AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && r.PeriodStart > periodStart)
            .MinAsync(r => (LocalDate?)r.PeriodStart, cancellationToken);
        if (later is not null)
        {
            throw DomainException.FailedPrecondition(
                $"The period starting {later:uuuu-MM-dd} has been invoiced already; its items of earlier periods are on its documents.");
        }
        return new InvoiceRuns.Terms(partnership, card, versions, period!, issueDate);
    }
}
