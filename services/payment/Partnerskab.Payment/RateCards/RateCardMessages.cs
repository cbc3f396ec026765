using System.Text.RegularExpressions;
using NodaTime;
using Partnerskab.Payment.EInvoicing;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.RateCards;

/// <summary>A rate card version as the API reads and shows it: the request's terms checked field by field, and the answer.</summary>
public static partial class RateCardMessages
{
    /// <summary>The rate card a request proposes; every field that is not well-formed is a violation in <paramref name="v"/>.</summary>
    public static RateCard Read(SetRateCardRequest request, RequestValidator v, Instant now)
    {
        var card = new RateCard
        {
            Id = Guid.CreateVersion7(),
            PartnershipId = v.Id(request.PartnershipId, "partnership_id"),
            EffectiveFrom = v.Date(request.EffectiveFrom, "effective_from"),
            HandoverFeeOre = v.Amount(request.HandoverFeeOre, "handover_fee_ore"),
            MilestonePrices = Unique(v, request.MilestonePrices, "milestone_prices", "milestone_code", p => p.MilestoneCode.Trim(),
                (price, field, code) =>
                {
                    v.Check(Code().IsMatch(code), $"{field}.milestone_code", "must be 1-50 characters of A-Z, 0-9 and _");
                    return new MilestonePrice(code, v.Amount(price.AmountOre, $"{field}.amount_ore"));
                }),
            DeliverableFees = Unique(v, request.DeliverableFees, "deliverable_fees", "deliverable_kind", f => f.DeliverableKind.Trim(),
                (fee, field, kind) =>
                {
                    v.Check(DeliverableKind().IsMatch(kind), $"{field}.deliverable_kind", "must be 1-50 letters and digits, starting with a letter (e.g. CaseAnalysis)");
                    return new DeliverableFee(kind, v.Amount(fee.AmountOrePerUnit, $"{field}.amount_ore_per_unit"));
                }),
            PeriodicFees = Unique(v, request.PeriodicFees, "periodic_fees", "code", f => f.Code.Trim(),
                (fee, field, code) =>
                {
                    v.Check(Code().IsMatch(code), $"{field}.code", "must be 1-50 characters of A-Z, 0-9 and _");
                    v.Enum(fee.Interval, $"{field}.interval");
                    return new PeriodicFee(code, v.Amount(fee.AmountOre, $"{field}.amount_ore"), (BillingInterval)(int)fee.Interval);
                }),
            CapPerCitizenOre = request.Caps?.HasPerCitizenOre == true ? v.Amount(request.Caps.PerCitizenOre, "caps.per_citizen_ore") : null,
            CapPerYearOre = request.Caps?.HasPerCalendarYearOre == true ? v.Amount(request.Caps.PerCalendarYearOre, "caps.per_calendar_year_ore") : null,
            CapContractOre = request.Caps?.HasContractOre == true ? v.Amount(request.Caps.ContractOre, "caps.contract_ore") : null,
            Budgets = Unique(v, request.Budgets, "budgets", "year", b => b.Year.ToString("D4"),
                (budget, field, _) =>
                {
                    v.Check(budget.Year >= ProtoDates.Earliest.Year && budget.Year <= ProtoDates.Latest.Year, $"{field}.year",
                        $"must be a year between {ProtoDates.Earliest.Year} and {ProtoDates.Latest.Year}");
                    return new YearBudget(budget.Year, v.Amount(budget.AmountOre, $"{field}.amount_ore"));
                }),
            Payers = Unique(v, request.Payers, "payers", "payer_id", p => p.PayerId.Trim(),
                (payer, field, id) =>
                {
                    v.Check(Code().IsMatch(id), $"{field}.payer_id", "must be 1-50 characters of A-Z, 0-9 and _");
                    v.Digits(payer.Cvr, $"{field}.cvr", 8);
                    // Each payer's documents are Peppol e-invoices of their own, and an issued document never changes.
                    v.Check(EInvoice.IsGln(payer.Ean), $"{field}.ean",
                        "must be the payer's EAN location number: 13 digits whose last is the check digit (GLN), where its e-invoices are delivered");
                    v.Check(payer.ShareBasisPoints is > 0 and <= 10_000, $"{field}.share_basis_points", "must be between 1 and 10000 (100 %)");
                    return new Payer(id, v.Text(payer.Name, $"{field}.name"), payer.Cvr, payer.Ean, payer.ShareBasisPoints,
                        payer.HasCapOre ? v.Amount(payer.CapOre, $"{field}.cap_ore") : null);
                }),
            CreatedAt = now,
        };
        var remainderPayer = request.RemainderPayerId.Trim();
        if (card.Payers.Count > 0)
        {
            v.Check(card.Payers.Sum(p => (long)p.ShareBasisPoints) == 10_000, "payers", "the payers' shares must sum to 10000 (100 %)");
            v.Check(card.Payers.Any(p => p.PayerId == remainderPayer), "remainder_payer_id", "must name one of the payers");
            card.RemainderPayerId = remainderPayer;
        }
        else
        {
            v.Check(remainderPayer.Length == 0, "remainder_payer_id", "is only given with payers");
        }
        if (request.HasVatRateBasisPoints)
        {
            v.Check(request.VatRateBasisPoints is >= 0 and <= 10_000, "vat_rate_basis_points", "must be between 0 and 10000 (100 %)");
            card.VatRateBasisPoints = request.VatRateBasisPoints;
        }
        if (request.InvoicingPeriod != Protos.Payment.V1.BillingInterval.Unspecified)
        {
            v.Check(Enum.IsDefined(request.InvoicingPeriod), "invoicing_period", $"{(int)request.InvoicingPeriod} is not a known value");
            card.InvoicingPeriod = (BillingInterval)(int)request.InvoicingPeriod;
        }
        if (request.HasPaymentTermsDays)
        {
            v.Check(request.PaymentTermsDays is >= 0 and <= 365, "payment_terms_days", "must be between 0 and 365");
            card.PaymentTermsDays = request.PaymentTermsDays;
        }
        if (request.HasInvestorPassThroughBasisPoints)
        {
            v.Check(request.InvestorPassThroughBasisPoints is >= 0 and <= 10_000, "investor_pass_through_basis_points", "must be between 0 and 10000 (100 %)");
            card.InvestorPassThroughBasisPoints = request.InvestorPassThroughBasisPoints;
        }
        if (request.PayeeAccount is { } account)
        {
            v.Digits(account.BankRegistrationNumber, "payee_account.bank_registration_number", 4);
            v.Check(AccountNumber().IsMatch(account.AccountNumber), "payee_account.account_number", "must be 1-10 digits");
            card.PayeeBankRegistrationNumber = account.BankRegistrationNumber;
            card.PayeeAccountNumber = account.AccountNumber;
        }
        return card;
    }

    public static Protos.Payment.V1.RateCard ToProto(RateCard card)
    {
        var proto = new Protos.Payment.V1.RateCard
        {
            PartnershipId = card.PartnershipId.ToString(),
            Version = card.Version,
            EffectiveFrom = card.EffectiveFrom.ToProto(),
            HandoverFeeOre = card.HandoverFeeOre,
            MilestonePrices =
            {
                card.MilestonePrices.OrderBy(p => p.MilestoneCode, StringComparer.Ordinal)
                    .Select(p => new Protos.Payment.V1.MilestonePrice { MilestoneCode = p.MilestoneCode, AmountOre = p.AmountOre, PayerParts = { Parts(card, p.AmountOre) } }),
            },
            DeliverableFees =
            {
                card.DeliverableFees.OrderBy(f => f.DeliverableKind, StringComparer.Ordinal)
                    .Select(f => new Protos.Payment.V1.DeliverableFee
                    {
                        DeliverableKind = f.DeliverableKind, AmountOrePerUnit = f.AmountOrePerUnit, PayerParts = { Parts(card, f.AmountOrePerUnit) },
                    }),
            },
            PeriodicFees =
            {
                card.PeriodicFees.OrderBy(f => f.Code, StringComparer.Ordinal).Select(f => new Protos.Payment.V1.PeriodicFee
                {
                    Code = f.Code, AmountOre = f.AmountOre, Interval = (Protos.Payment.V1.BillingInterval)(int)f.Interval, PayerParts = { Parts(card, f.AmountOre) },
                }),
            },
            Caps = new Caps(),
            VatRateBasisPoints = card.VatRateBasisPoints,
            InvoicingPeriod = (Protos.Payment.V1.BillingInterval)(int)card.InvoicingPeriod,
            PaymentTermsDays = card.PaymentTermsDays,
            Budgets = { card.Budgets.OrderBy(b => b.Year).Select(b => new Protos.Payment.V1.YearBudget { Year = b.Year, AmountOre = b.AmountOre }) },
            Payers =
            {
                card.Payers.Select(p =>
                {
                    var payer = new Protos.Payment.V1.Payer { PayerId = p.PayerId, Name = p.Name, Cvr = p.Cvr, Ean = p.Ean ?? "", ShareBasisPoints = p.ShareBasisPoints };
                    if (p.CapOre is { } cap) payer.CapOre = cap;
                    return payer;
                }),
            },
            RemainderPayerId = card.RemainderPayerId ?? "",
            HandoverFeePayerParts = { Parts(card, card.HandoverFeeOre) },
            InvestorPassThroughBasisPoints = card.InvestorPassThroughBasisPoints,
        };
        if (card.CapPerCitizenOre is { } perCitizen) proto.Caps.PerCitizenOre = perCitizen;
        if (card.CapPerYearOre is { } perYear) proto.Caps.PerCalendarYearOre = perYear;
        if (card.CapContractOre is { } contract) proto.Caps.ContractOre = contract;
        if (card is { PayeeBankRegistrationNumber: { } registration, PayeeAccountNumber: { } accountNumber })
        {
            proto.PayeeAccount = new PayeeAccount { BankRegistrationNumber = registration, AccountNumber = accountNumber };
        }
        return proto;
    }

    private static IEnumerable<PayerPart> Parts(RateCard card, long amountOre) =>
        card.PayerParts(amountOre).Select(p => new PayerPart { PayerId = p.PayerId, AmountOre = p.AmountOre });

    /// <summary>Reads a repeated field whose entries must differ by a key, reporting a repeated key on the entry that repeats it.</summary>
    private static List<T> Unique<TProto, T>(RequestValidator v, IList<TProto> entries, string listField, string keyField,
        Func<TProto, string> key, Func<TProto, string, string, T> read)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<T>();
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"{listField}[{i}]";
            var entryKey = key(entries[i]);
            v.Check(seen.Add(entryKey), $"{field}.{keyField}", $"'{entryKey}' is given twice");
            result.Add(read(entries[i], field, entryKey));
        }
        return result;
    }

    [GeneratedRegex("^[A-Z0-9_]{1,50}$")]
    private static partial Regex Code();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,49}$")]
    private static partial Regex DeliverableKind();

    [GeneratedRegex("^[0-9]{1,10}$")]
    private static partial Regex AccountNumber();
}
