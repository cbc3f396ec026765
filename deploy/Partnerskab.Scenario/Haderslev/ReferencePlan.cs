using System.Globalization;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using static Partnerskab.Scenario.ThinSlice;
using Date = Google.Type.Date;

namespace Partnerskab.Scenario.Haderslev;

/// <summary>
/// The synthetic facts of the Haderslev reference case, chosen so that the engine's cost report
/// as of the committee's meeting on 2025-10-20 (seed 004) reads what the seed says: paid 0.3 mio
/// DKK in 2023, 2.4 in 2024, 0.8 in 2025, one more bill of 2.1 expected, 5.6 in all. The figures
/// are taken as a kommune's budget follow-up reports them, without VAT (it gets the VAT back);
/// the invoices carry 25 % VAT and the bank payments are with VAT.
/// <para>
/// Rate card (DKK, without VAT; quarterly invoices, 30 days): handover 1,000 per citizen;
/// JOB_START 20,000; SELF_SUFFICIENT_26_WEEKS (26 self-sufficient weeks in the window) 30,000;
/// SELF_SUFFICIENT_MONTH_23 (self-sufficient in the week 23 months after handover, the last
/// month inside a 24-month window that the engine measures) 50,000; case analysis 1,620 per
/// case, teaching day 20,000, case sparring 10,000 per monthly session. Caps (per citizen
/// 120,000, per year 3,000,000, contract 6,000,000) never bind here.
/// </para>
/// <para>
/// 150 citizens handed over on the Mondays of April 2023; citizen 150 exits as wrongly enrolled
/// on 2023-07-20 (after the Q2 invoice), so a credit note of 1,000 goes against it. Job starters
/// by group (citizen numbers; "stays" = still self-sufficient at month 23):
/// G1 1-2 start 2023-09-04 and stay; G2 3-32 start 2023-11-06, 3-18 stay, 19-32 work 30 weeks;
/// G3 33-51 start 2024-05-06, 33-42 stay, 43-51 work 30 weeks; G4 52-67 start 2024-02-05 and
/// work 12 weeks; G6 68-77 start 2024-11-04, 68-73 stay, 74-77 work 10 weeks; G5 78-83 start
/// 2025-01-06, 78-82 stay, 83 works 6 weeks; 84-149 stay on benefit. So 83 job starts, 51 reach
/// 26 weeks (G1, G2, G3), 39 are self-sufficient at month 23.
/// </para>
/// <para>
/// Per invoice (net): Q2-23 handovers 150,000 (credit note 1,000); Q3-23 case analysis 81,000 +
/// teaching day 20,000 + sparring 10,000 + 2 job starts 40,000 = 151,000; Q4-23 teaching day
/// 20,000 + sparring 30,000 + 30 job starts 600,000 = 650,000; Q1-24 sparring 30,000 + 16 job
/// starts 320,000 + 2 × 26 weeks 60,000 = 410,000; Q2-24 sparring 30,000 + 30 × 26 weeks 900,000 +
/// 19 job starts 380,000 + citizen 1's 26 weeks moved by the register's correction 30,000 = 1,340,000
/// (credit note 30,000 against Q1-24); Q3-24 sparring 30,000; Q4-24 sparring 30,000 + 19 × 26 weeks
/// 570,000 + 10 job starts 200,000 = 800,000; Q1-25, the final bill issued only on 2025-11-03:
/// sparring 30,000 + 6 job starts 120,000 + 39 × month 23 1,950,000 = 2,100,000.
/// Paid (each invoice about three weeks after issue; the Q2-23 invoice short of the wrongly
/// enrolled citizen's fee, the Q1-24 invoice short of the corrected 26 weeks): 2023 149,000 + 151,000 = 300,000; 2024 Q4-23 to Q3-24 = 2,400,000;
/// 2025 Q4-24 = 800,000. Expected on 2025-10-20: the final bill's 2,100,000, earned but not
/// invoiced. In all 5,600,000.
/// </para>
/// </summary>
public static class ReferencePlan
{
    public const int Citizens = 150;
    public const int WronglyEnrolled = 150;
    public const string JobStart = "JOB_START";
    public const string SelfSufficient26Weeks = "SELF_SUFFICIENT_26_WEEKS";
    public const string SelfSufficientMonth23 = "SELF_SUFFICIENT_MONTH_23";

    /// <summary>The committee meeting of seed 004, on which the report is read.</summary>
    public static readonly Date ReportDate = Day(2025, 10, 20);

    /// <summary>The seed's figures, in øre without VAT: paid per year and still expected.</summary>
    public static readonly IReadOnlyDictionary<int, long> PaidByYearOre = new Dictionary<int, long>
    {
        [2023] = 30_000_000, [2024] = 240_000_000, [2025] = 80_000_000,
    };
    public const long StillExpectedOre = 210_000_000;
    public const long TotalOre = 560_000_000;

    public const long HandoverFeeOre = 100_000;

    public static MilestoneDefinition[] MilestoneDefinitions =>
    [
        new() { Code = JobStart, Description = "First verified start in ordinary employment", RuleKind = MilestoneRuleKind.FirstVerifiedOutcome, OutcomeKind = OutcomeKind.JobStart },
        new() { Code = SelfSufficient26Weeks, Description = "26 self-sufficient weeks in the follow-up window", RuleKind = MilestoneRuleKind.CumulativeSelfSufficientWeeks, Weeks = 26 },
        new() { Code = SelfSufficientMonth23, Description = "Self-sufficient 23 months after handover", RuleKind = MilestoneRuleKind.SelfSufficientAtMonth, Months = 23 },
    ];

    public static SetRateCardRequest RateCard(string partnershipId) => new()
    {
        PartnershipId = partnershipId,
        EffectiveFrom = Day(2023, 3, 1),
        HandoverFeeOre = HandoverFeeOre,
        MilestonePrices =
        {
            new MilestonePrice { MilestoneCode = JobStart, AmountOre = 2_000_000 },
            new MilestonePrice { MilestoneCode = SelfSufficient26Weeks, AmountOre = 3_000_000 },
            new MilestonePrice { MilestoneCode = SelfSufficientMonth23, AmountOre = 5_000_000 },
        },
        DeliverableFees =
        {
            new DeliverableFee { DeliverableKind = "CaseAnalysis", AmountOrePerUnit = 162_000 },
            new DeliverableFee { DeliverableKind = "TeachingDay", AmountOrePerUnit = 2_000_000 },
            new DeliverableFee { DeliverableKind = "CaseSparring", AmountOrePerUnit = 1_000_000 },
        },
        Caps = new Caps { PerCitizenOre = 12_000_000, PerCalendarYearOre = 300_000_000, ContractOre = 600_000_000 },
        VatRateBasisPoints = 2500,
        InvoicingPeriod = BillingInterval.Quarterly,
        PaymentTermsDays = 30,
        Budgets =
        {
            new YearBudget { Year = 2023, AmountOre = 50_000_000 },
            new YearBudget { Year = 2024, AmountOre = 250_000_000 },
            new YearBudget { Year = 2025, AmountOre = 260_000_000 },
        },
        PayeeAccount = new PayeeAccount { BankRegistrationNumber = "9570", AccountNumber = "0012345678" },
        // The agreement passes every outcome payment through to the investor (synthetic, like every figure here).
        InvestorPassThroughBasisPoints = 10_000,
    };

    /// <summary>
    /// The investor's cash flows finance records, synthetic (the real fund's figures are not public):
    /// 3,000,000 DKK committed on the agreement's day, 1,500,000 drawn then and 1,000,000 on
    /// 2023-09-01. The outcome payments pass through to it as the kommune pays (the rate card's
    /// share, all of them): per paid invoice, the payment's part of its milestone lines, without VAT.
    /// </summary>
    public static RecordInvestorCashFlowRequest[] InvestorCashFlows(string partnershipId) =>
    [
        new() { PartnershipId = partnershipId, Kind = InvestorCashFlowKind.Commitment, OccurredOn = Day(2023, 3, 1), AmountOre = 300_000_000, Reference = "HAD-SYN-INV-COMMITMENT", Note = "synthetic" },
        new() { PartnershipId = partnershipId, Kind = InvestorCashFlowKind.Drawdown, OccurredOn = Day(2023, 3, 1), AmountOre = 150_000_000, Reference = "HAD-SYN-INV-DRAW-1", Note = "synthetic" },
        new() { PartnershipId = partnershipId, Kind = InvestorCashFlowKind.Drawdown, OccurredOn = Day(2023, 9, 1), AmountOre = 100_000_000, Reference = "HAD-SYN-INV-DRAW-2", Note = "synthetic" },
    ];

    /// <summary>
    /// What the kommune's payments pass through by the report date (øre): Q3-23 40,000, Q4-23 600,000, Q1-24 475,000 paid of
    /// 512,500 × 380,000 of milestones = 352,195.12, Q2-24 1,310,000, Q4-24 770,000 (Q2-23 and Q3-24 bill no milestones).
    /// </summary>
    public const long InvestorOutcomePaymentsOre = 307_219_512;

    /// <summary>The parts of the INDIGO record the kommune makes public; the outcome payments and the maximum payment stay private.</summary>
    public static readonly IndigoField[] PublicIndigoFields =
        [IndigoField.Name, IndigoField.Dates, IndigoField.OutcomeMetrics, IndigoField.OutcomePricings, IndigoField.Results, IndigoField.Investments];

    /// <summary>
    /// The business case's inputs, all synthetic (round figures, not the official rates or
    /// statistics): a weekly rate per benefit and year, the kommune's share stepping up as the
    /// state's reimbursement falls (counted from handover, when the target group has had 26 weeks
    /// on benefit already), and an expected share self-sufficient rising by 1.25 points a month.
    /// </summary>
    public static SetBusinessCaseInputsRequest BusinessCaseInputs(string partnershipId) => new()
    {
        PartnershipId = partnershipId,
        Inputs = new BusinessCaseInputs
        {
            EffectiveFrom = Day(2023, 3, 1),
            Rates =
            {
                from year in new[] { 2023, 2024, 2025 }
                from rate in new[]
                {
                    new BenefitRate { Status = WeeklyStatus.SicknessBenefit, Year = year, OrePerWeek = 450_000 + 15_000 * (year - 2023) },
                    new BenefitRate { Status = WeeklyStatus.JobClarificationBenefit, Year = year, OrePerWeek = 400_000 + 12_000 * (year - 2023) },
                }
                select rate,
            },
            Shares =
            {
                from status in new[] { WeeklyStatus.SicknessBenefit, WeeklyStatus.JobClarificationBenefit }
                from share in new[]
                {
                    new BenefitShare { Status = status, FromWeek = 1, BasisPoints = 7000 },
                    new BenefitShare { Status = status, FromWeek = 27, BasisPoints = 8000 },
                }
                select share,
            },
            RatesSource = "synthetic: round weekly rates and a staircase of the kommune's share (70 %, 80 % from the 27th week), not official figures",
            ExpectedSelfSufficientBasisPoints = { Enumerable.Range(1, 24).Select(month => 125 * month) },
            CurveSource = "synthetic: 1.25 percentage points more self-sufficient each month since start, not the labour market statistics",
        },
    };

    /// <summary>Citizen n (1-150): synthetic CPR number, handed over on a Monday of April 2023.</summary>
    public static Protos.Cohort.V1.CitizenRow Handover(int n) => new()
    {
        Cpr = SyntheticCitizens.Cpr(n),
        HandoverDate = ToDate(HandoverDate(n)),
        BenefitType = n % 3 == 0 ? Protos.Cohort.V1.BenefitType.JobClarificationBenefit : Protos.Cohort.V1.BenefitType.SicknessBenefit,
        WeeksSickListed = 27 + n % 20,
        CaseReference = CaseReference(n),
    };

    public static string CaseReference(int n) => $"HAD-SYN-{n:D4}";

    public static DateOnly HandoverDate(int n) => new DateOnly(2023, 4, 3).AddDays(7 * ((n - 1) % 4));

    /// <summary>The follow-up window's last day: 24 months from handover, exclusive.</summary>
    public static DateOnly LastDay(int n) => HandoverDate(n).AddMonths(24).AddDays(-1);

    /// <summary>A citizen's job: the Monday it starts and how many weeks it lasts (null: to the end of the window).</summary>
    public sealed record Job(DateOnly Start, int? Weeks);

    public static Job? JobOf(int n) => n switch
    {
        <= 2 => new(new(2023, 9, 4), null),
        <= 18 => new(new(2023, 11, 6), null),
        <= 32 => new(new(2023, 11, 6), 30),
        <= 42 => new(new(2024, 5, 6), null),
        <= 51 => new(new(2024, 5, 6), 30),
        <= 67 => new(new(2024, 2, 5), 12),
        <= 73 => new(new(2024, 11, 4), null),
        <= 77 => new(new(2024, 11, 4), 10),
        <= 82 => new(new(2025, 1, 6), null),
        <= 83 => new(new(2025, 1, 6), 6),
        _ => null,
    };

    /// <summary>The register's weekly statuses of citizen n over the follow-up window (none for the wrongly enrolled), of the weeks whose Sunday falls from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static IEnumerable<WeeklyStatusRow> Statuses(int n, string citizenId, DateOnly from, DateOnly to)
    {
        if (n == WronglyEnrolled) yield break;
        var job = JobOf(n);
        var benefit = n % 3 == 0 ? WeeklyStatus.JobClarificationBenefit : WeeklyStatus.SicknessBenefit;
        var jobEnd = job?.Weeks is { } weeks ? job.Start.AddDays(7 * weeks) : DateOnly.MaxValue;
        for (var monday = HandoverDate(n); monday <= LastDay(n); monday = monday.AddDays(7))
        {
            if (monday.AddDays(6) < from || monday.AddDays(6) > to) continue;
            var working = job is not null && monday >= job.Start && monday < jobEnd;
            var date = monday.ToDateTime(TimeOnly.MinValue);
            yield return new WeeklyStatusRow
            {
                CitizenId = citizenId,
                IsoWeekYear = ISOWeek.GetYear(date),
                IsoWeek = ISOWeek.GetWeekOfYear(date),
                Status = working ? WeeklyStatus.OrdinaryEmployment : monday >= jobEnd ? WeeklyStatus.SicknessBenefit : benefit,
                PaidHoursHundredths = working ? 30_00 : 0,
            };
        }
    }

    /// <summary>The synthetic comparison group's size: citizens of the target group the kommune did not hand over.</summary>
    public const int ComparisonCitizens = 150;

    /// <summary>
    /// Comparison citizen k's pseudonym, made up from the scenario's reference (synthetic: no CPR
    /// number lies behind it), so a second run sends the same group.
    /// </summary>
    public static string ComparisonPseudonym(string reference, int k) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{reference}:comparison:{k}")))[..32];

    /// <summary>The day comparison citizen k entered the target group: the Mondays of May and June 2023 (synthetic).</summary>
    public static DateOnly ComparisonStart(int k) => new DateOnly(2023, 5, 1).AddDays(7 * ((k - 1) % 9));

    /// <summary>
    /// The register's weekly statuses of comparison citizen k over 24 months from entering the
    /// target group (synthetic): on the benefit its number gives, and every fourth in ordinary
    /// employment from its 13th month on.
    /// </summary>
    public static IEnumerable<WeeklyStatusRow> ComparisonStatuses(int k, string citizenId)
    {
        var start = ComparisonStart(k);
        var benefit = k % 3 == 0 ? WeeklyStatus.JobClarificationBenefit : WeeklyStatus.SicknessBenefit;
        for (var monday = start; monday < start.AddMonths(24); monday = monday.AddDays(7))
        {
            var working = k % 4 == 0 && monday >= start.AddMonths(12);
            var date = monday.ToDateTime(TimeOnly.MinValue);
            yield return new WeeklyStatusRow
            {
                CitizenId = citizenId,
                IsoWeekYear = ISOWeek.GetYear(date),
                IsoWeek = ISOWeek.GetWeekOfYear(date),
                Status = working ? WeeklyStatus.OrdinaryEmployment : benefit,
                PaidHoursHundredths = working ? 30_00 : 0,
            };
        }
    }

    /// <summary>Learning-track deliverables: the provider's reference, kind, day and quantity (the partnership's id left to the caller).</summary>
    public static IEnumerable<ReportDeliverableRequest> Deliverables()
    {
        yield return Deliverable("HAD-SYN-CA-1", DeliverableKind.CaseAnalysis, Day(2023, 9, 15), 50, "analysis of 50 citizens' cases");
        yield return Deliverable("HAD-SYN-TD-1", DeliverableKind.TeachingDay, Day(2023, 9, 28), 1, "teaching day 1");
        yield return Deliverable("HAD-SYN-TD-2", DeliverableKind.TeachingDay, Day(2023, 11, 9), 1, "teaching day 2");
        for (var month = new DateOnly(2023, 9, 12); month <= new DateOnly(2025, 3, 31); month = month.AddMonths(1))
        {
            yield return Deliverable($"HAD-SYN-CS-{month:yyyy-MM}", DeliverableKind.CaseSparring, ToDate(month), 1, $"case sparring {month:yyyy-MM}");
        }
    }

    /// <summary>An invoice run, and the day the kommune paid its invoice (null: not paid).</summary>
    public sealed record Run(Date PeriodStart, Date IssueDate, Date? PaidOn);

    public static readonly Run[] Runs =
    [
        new(Day(2023, 4, 1), Day(2023, 7, 3), Day(2023, 7, 31)),
        new(Day(2023, 7, 1), Day(2023, 10, 2), Day(2023, 10, 25)),
        new(Day(2023, 10, 1), Day(2024, 1, 2), Day(2024, 1, 24)),
        new(Day(2024, 1, 1), Day(2024, 4, 1), Day(2024, 4, 24)),
        new(Day(2024, 4, 1), Day(2024, 7, 1), Day(2024, 7, 24)),
        new(Day(2024, 7, 1), Day(2024, 10, 1), Day(2024, 10, 23)),
        new(Day(2024, 10, 1), Day(2025, 1, 2), Day(2025, 1, 22)),
        // The final bill: the month-23 results wait for the register's data and are billed after the committee has met.
        new(Day(2025, 1, 1), Day(2025, 11, 3), null),
    ];

    /// <summary>The items the ledger ends with: 150 handover fees, 2 credits (the wrongly enrolled citizen's fee, the
    /// corrected citizen's first 26 weeks), 22 deliverables (1 case analysis, 2 teaching days, 19 sparring sessions),
    /// 83 + 51 + 39 milestones and the corrected citizen's 26 weeks reached anew.</summary>
    public const int LedgerItems = 348;

    /// <summary>
    /// The register's correction: it re-codes the Christmas week of 2023 of citizen 1 (working since 2023-09-04) as sickness
    /// benefit, learnt on 2024-04-15, after his 26 weeks (reached 2024-03-03) were invoiced in Q1 2024 and the quarter closed.
    /// The milestone moves a week, to 2024-03-10: the Q2 2024 run credits the first on a credit note naming the Q1 invoice and
    /// bills the second (its own quarter closed) on the Q2 invoice; the kommune withholds the credit from its Q1 payment.
    /// </summary>
    public const int CorrectedCitizen = 1;
    public static readonly DateOnly CorrectedWeek = new(2023, 12, 25);

    public static WeeklyStatusRow Correction(string citizenId) => new()
    {
        CitizenId = citizenId, IsoWeekYear = 2023, IsoWeek = ISOWeek.GetWeekOfYear(CorrectedWeek.ToDateTime(TimeOnly.MinValue)),
        Status = WeeklyStatus.SicknessBenefit, PaidHoursHundredths = 0,
    };

    /// <summary>The moment on a day (UTC; the same calendar day in Copenhagen) at which a historical load records a fact.</summary>
    public static DateTimeOffset Recorded(DateOnly day, int hourUtc = 12) => new(day.ToDateTime(new TimeOnly(hourUtc, 0)), TimeSpan.Zero);

    /// <summary>When the agreement, the milestone definitions and the rate card were recorded: the contract's first day.</summary>
    public static readonly DateTimeOffset AgreedAt = Recorded(new DateOnly(2023, 3, 1));

    /// <summary>The kommune's system sent the April handovers in one file at the end of the month.</summary>
    public static readonly DateTimeOffset HandedOverAt = Recorded(new DateOnly(2023, 4, 28));

    /// <summary>One fact of the partnership's past, as a historical load gives it: what, and when the suite learnt it.</summary>
    public abstract record Step(DateTimeOffset At);

    /// <summary>The register's weeks whose Sunday falls in a quarter, delivered on the next quarter's first morning.</summary>
    public sealed record StatusQuarter(DateTimeOffset At, DateOnly From, DateOnly To) : Step(At);

    public sealed record JobStartClaim(DateTimeOffset At, int Citizen) : Step(At);

    public sealed record DeliverableReport(DateTimeOffset At, ReportDeliverableRequest Request) : Step(At);

    public sealed record WrongEnrolment(DateTimeOffset At) : Step(At);

    public sealed record RegisterCorrection(DateTimeOffset At) : Step(At);

    /// <summary>An invoice run on its issue day, its quarter closed after it (and the year, after its last quarter).</summary>
    public sealed record InvoiceRun(DateTimeOffset At, Run Run) : Step(At);

    /// <summary>Finance records one of the investor's cash flows (<see cref="InvestorCashFlows"/>) on its day.</summary>
    public sealed record InvestorCashFlowRecord(DateTimeOffset At, RecordInvestorCashFlowRequest Request) : Step(At);

    public static DateTimeOffset RecordedAt(RecordInvestorCashFlowRequest cashFlow) =>
        Recorded(new DateOnly(cashFlow.OccurredOn.Year, cashFlow.OccurredOn.Month, cashFlow.OccurredOn.Day));

    /// <summary>
    /// The partnership's past in the order the suite learnt it: job starts claimed and verified on the Friday of the start,
    /// deliverables on their day, the register's weeks quarter by quarter, the exit, the correction and the invoice runs.
    /// </summary>
    public static IReadOnlyList<Step> Timeline()
    {
        var steps = new List<Step> { new WrongEnrolment(Recorded(new DateOnly(2023, 7, 20))), new RegisterCorrection(Recorded(new DateOnly(2024, 4, 15))) };
        for (var quarter = new DateOnly(2023, 4, 1); quarter <= LastDay(Citizens); quarter = quarter.AddMonths(3))
        {
            steps.Add(new StatusQuarter(Recorded(quarter.AddMonths(3), hourUtc: 6), quarter, quarter.AddMonths(3).AddDays(-1)));
        }
        steps.AddRange(Enumerable.Range(1, Citizens).Where(n => JobOf(n) is not null).Select(n => new JobStartClaim(Recorded(JobOf(n)!.Start.AddDays(4)), n)));
        steps.AddRange(Deliverables().Select(d => new DeliverableReport(Recorded(new DateOnly(d.CompletedOn.Year, d.CompletedOn.Month, d.CompletedOn.Day)), d)));
        steps.AddRange(Runs.Select(r => new InvoiceRun(Recorded(new DateOnly(r.IssueDate.Year, r.IssueDate.Month, r.IssueDate.Day)), r)));
        // Those of the agreement's days are recorded with the agreement, before the handovers.
        steps.AddRange(InvestorCashFlows("").Where(f => RecordedAt(f) > HandedOverAt).Select(f => new InvestorCashFlowRecord(RecordedAt(f), f)));
        return [.. steps.OrderBy(s => s.At)];
    }

    private static ReportDeliverableRequest Deliverable(string reference, DeliverableKind kind, Date on, int quantity, string evidence) => new()
    {
        DeliverableReference = reference, Kind = kind, CompletedOn = on, Quantity = quantity,
        EvidenceReference = $"synthetic: {evidence}",
    };

    public static Date ToDate(DateOnly day) => Day(day.Year, day.Month, day.Day);
}
