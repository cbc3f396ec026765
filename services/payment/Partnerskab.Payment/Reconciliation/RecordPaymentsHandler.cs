using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Investments;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Payment.Reconciliation;

/// <summary>Records an issuer's bank statement lines, each once however often the statement is imported.</summary>
public sealed class RecordPaymentsHandler(PaymentDbContext db, IClock clock)
{
    private const int MaxStatementLines = 10_000;

    public async Task<RecordPaymentsResponse> HandleAsync(RecordPaymentsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var issuerCvr = request.IssuerCvr.Trim();
        v.Digits(issuerCvr, "issuer_cvr", 8);
        v.Check(request.Lines.Count is > 0 and <= MaxStatementLines, "lines", $"must hold 1 to {MaxStatementLines} statement lines");
        var now = clock.GetCurrentInstant();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = request.Lines.Select((line, i) =>
        {
            var field = $"lines[{i}]";
            var bankLineId = v.Text(line.BankLineId, $"{field}.bank_line_id", 100);
            if (bankLineId.Length > 0) v.Check(seen.Add(bankLineId), $"{field}.bank_line_id", $"'{bankLineId}' is given twice");
            return new BankPayment
            {
                Id = Guid.CreateVersion7(),
                IssuerCvr = issuerCvr,
                BankLineId = bankLineId,
                AmountOre = v.Amount(line.AmountOre, $"{field}.amount_ore", minimumOre: 1),
                BookedOn = v.Date(line.BookedOn, $"{field}.booked_on"),
                Reference = v.OptionalText(line.Reference, $"{field}.reference"),
                RecordedAt = now,
            };
        }).ToList();
        v.ThrowIfInvalid();
        context.Caller().EnsureActsForOrganisation(issuerCvr);

        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two statements with the same line, recorded at once, must not both insert it.
        await AdvisoryLocks.LockAsync(db, $"payments:{issuerCvr}", cancellationToken);
        var ids = lines.Select(l => l.BankLineId).ToList();
        var recorded = await db.BankPayments.AsNoTracking()
            .Where(p => p.IssuerCvr == issuerCvr && ids.Contains(p.BankLineId))
            .ToDictionaryAsync(p => p.BankLineId, StringComparer.Ordinal, cancellationToken);
        var response = new RecordPaymentsResponse();
        foreach (var line in lines)
        {
            if (recorded.TryGetValue(line.BankLineId, out var earlier))
            {
                if (!earlier.SameLineAs(line))
                {
                    throw DomainException.AlreadyExists(
                        $"Bank line {line.BankLineId} was recorded before with other data; a statement line never changes.");
                }
                response.Lines.Add(new RecordedPaymentLine { BankLineId = line.BankLineId, Result = PaymentLineResult.Unchanged });
                continue;
            }
            db.BankPayments.Add(line);
            response.Lines.Add(new RecordedPaymentLine { BankLineId = line.BankLineId, Result = PaymentLineResult.Recorded });
        }
        await db.SaveChangesAsync(cancellationToken);
        await PassThroughRecords.AddAsync(db, issuerCvr, context.Caller().Subject, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
