using Google.Protobuf.WellKnownTypes;
using Partnerskab.Cli.Cohort;
using Partnerskab.Cli.Finance;
using Partnerskab.Cli.Ops;
using Partnerskab.Cli.Outcome;
using Partnerskab.Protos.Audit.V1;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.Tests;

/// <summary>The plain reads as people read them: the service's answer laid out as tables (`--output json` gives the answer itself).</summary>
public sealed class ReadTableTests
{
    private const string Citizen = "0123456789abcdef0123456789abcdef";

    private static readonly Partnership Agreement = new()
    {
        PartnershipId = "p-1", Reference = "HAD-2023", Name = "Haderslev sygedagpenge", Version = 2,
        Kommune = new Organisation { Name = "Haderslev Kommune", Cvr = "29189420", Ean = "5798000420526" },
        Provider = new Organisation { Name = "Jobhuset", Cvr = "12345678" },
        ContractStart = Day(2023, 4, 1), ContractEnd = Day(2025, 3, 31), HandoverWindowStart = Day(2023, 4, 1), HandoverWindowEnd = Day(2023, 9, 30),
        CohortCapacity = 130, CitizensHandedOver = 126, FollowUpMonths = 24,
        Eligibility = new Eligibility { MinWeeksSickListed = 26, AllowedBenefitTypes = { BenefitType.SicknessBenefit, BenefitType.JobClarificationBenefit } },
    };

    [Fact]
    public void A_partnership_is_a_table_of_its_terms_and_its_versions_one_a_line()
    {
        var report = PartnershipView.Report(new GetPartnershipResponse { Partnership = Agreement }).Split('\n');

        report[0].ShouldBe("  Partnership p-1, version 2");
        var terms = FinanceTests.Cells(string.Join('\n', report.Skip(1)));
        terms[0].ShouldBe(["term", "value"]);
        terms.Skip(1).ShouldBe(
        [
            ["reference", "HAD-2023"],
            ["name", "Haderslev sygedagpenge"],
            ["kommune", "Haderslev Kommune, CVR 29189420, EAN 5798000420526"],
            ["provider", "Jobhuset, CVR 12345678"],
            ["investor", ""],
            ["contract", "2023-04-01 to 2025-03-31"],
            ["handover window", "2023-04-01 to 2023-09-30"],
            ["cohort capacity", "130"],
            ["citizens handed over", "126"],
            ["follow-up months", "24"],
            ["eligibility", "sick-listed more than 26 weeks; sickness_benefit, job_clarification_benefit"],
        ]);

        var first = Agreement.Clone();
        first.Version = 1;
        first.CohortCapacity = 120;
        var versions = FinanceTests.Cells(PartnershipView.Versions(new ListPartnershipVersionsResponse
        {
            Versions =
            {
                new PartnershipVersion { Partnership = first, RecordedAt = Timestamp.FromDateTime(new DateTime(2023, 3, 1, 9, 15, 0, DateTimeKind.Utc)) },
                new PartnershipVersion { Partnership = Agreement, Reason = "ten more places", RecordedAt = Timestamp.FromDateTime(new DateTime(2023, 8, 1, 12, 0, 0, DateTimeKind.Utc)) },
            },
        }));
        versions.ShouldBe(
        [
            ["version", "recorded at", "reason", "name", "contract", "handover window", "capacity", "follow-up months"],
            ["1", "2023-03-01 09:15:00 UTC", "", "Haderslev sygedagpenge", "2023-04-01 to 2025-03-31", "2023-04-01 to 2023-09-30", "120", "24"],
            ["2", "2023-08-01 12:00:00 UTC", "ten more places", "Haderslev sygedagpenge", "2023-04-01 to 2025-03-31", "2023-04-01 to 2023-09-30", "130", "24"],
        ]);
    }

    [Fact]
    public void Claims_are_a_table_a_claim_a_line_with_the_next_pages_token_and_one_claim_shows_its_history()
    {
        var claim = new OutcomeClaim
        {
            ClaimId = "c-1", CitizenId = Citizen, ClaimReference = "JH-17", Kind = OutcomeKind.JobStart, OutcomeDate = Day(2023, 6, 12),
            HoursPerWeekHundredths = 1550, EmployerCvr = "87654321", EvidenceReference = "contract", Status = ClaimStatus.Rejected,
            DecidedBy = "SS", DecisionReason = "no contract attached", ClaimedAt = Timestamp.FromDateTime(new DateTime(2023, 6, 13, 8, 0, 0, DateTimeKind.Utc)),
        };

        var list = FinanceTests.Cells(ClaimsView.List(new ListOutcomeClaimsResponse { Claims = { claim }, NextPageToken = "after-1" }));
        list[0].ShouldBe(["claimed at", "reference", "citizen", "kind", "outcome date", "hours/week", "employer", "evidence", "status", "decided by", "reason", "claim"]);
        list[1].ShouldBe(["2023-06-13 08:00:00 UTC", "JH-17", Citizen, "job_start", "2023-06-12", "15.50", "87654321", "contract", "rejected", "SS", "no contract attached", "c-1"]);
        ClaimsView.List(new ListOutcomeClaimsResponse { Claims = { claim }, NextPageToken = "after-1" }).ShouldEndWith("\n  more on the next page: page token after-1\n");
        ClaimsView.List(new ListOutcomeClaimsResponse { Claims = { claim } }).ShouldNotContain("next page");

        var one = ClaimsView.Report(new GetOutcomeClaimResponse
        {
            Claim = claim,
            History =
            {
                new ClaimHistoryEntry { Action = ClaimAction.Claimed, By = "provider", At = claim.ClaimedAt, OutcomeDate = Day(2023, 6, 12), EvidenceReference = "contract" },
                new ClaimHistoryEntry { Action = ClaimAction.Rejected, By = "SS", Reason = "no contract attached", At = Timestamp.FromDateTime(new DateTime(2023, 6, 20, 10, 30, 0, DateTimeKind.Utc)) },
            },
        });
        var lines = one.Split('\n');
        lines[0].ShouldBe($"  Claim JH-17 (c-1) of citizen {Citizen}: rejected");
        var blank = Array.IndexOf(lines, "");
        FinanceTests.Cells(string.Join('\n', lines[1..blank])).ShouldBe(
        [
            ["term", "value"],
            ["kind", "job_start"],
            ["outcome date", "2023-06-12"],
            ["hours per week", "15.50"],
            ["employer", "87654321"],
            ["evidence", "contract"],
            ["claimed at", "2023-06-13 08:00:00 UTC"],
            ["decided by", "SS"],
            ["reason", "no contract attached"],
        ]);
        FinanceTests.Cells(string.Join('\n', lines[(blank + 1)..])).ShouldBe(
        [
            ["at", "action", "by", "reason", "outcome date", "hours/week", "employer", "evidence"],
            ["2023-06-13 08:00:00 UTC", "claimed", "provider", "", "2023-06-12", "", "", "contract"],
            ["2023-06-20 10:30:00 UTC", "rejected", "SS", "no contract attached", "", "", "", ""],
        ]);
    }

    [Fact]
    public void The_settings_read_as_tables_and_the_plan_as_one_sentence()
    {
        FinanceTests.Cells(SettingsView.MilestoneDefinitions(new GetMilestoneDefinitionsResponse
        {
            Definitions =
            {
                new MilestoneDefinition { Code = "JOB_START", Description = "first job", RuleKind = MilestoneRuleKind.FirstVerifiedOutcome, OutcomeKind = OutcomeKind.JobStart },
                new MilestoneDefinition { Code = "M24", Description = "self-sufficient at 24 months", RuleKind = MilestoneRuleKind.SelfSufficientAtMonth, Months = 24 },
            },
        })).ShouldBe(
        [
            ["milestone", "rule", "outcome", "weeks", "months", "description"],
            ["JOB_START", "first_verified_outcome", "job_start", "", "", "first job"],
            ["M24", "self_sufficient_at_month", "", "", "24", "self-sufficient at 24 months"],
        ]);

        SettingsView.FollowUpPlan(new GetFollowUpPlanResponse { Plan = new FollowUpPlan { ContactIntervalWeeks = 4, StatusCheckpointMonths = { 3, 6, 12, 24 }, NoContactDays = 60 } })
            .ShouldBe("  plan: a contact every 4 weeks, a status at 3, 6, 12, 24 months, left without contact after 60 days\n");

        FinanceTests.Cells(SettingsView.KpiTargets(new GetKpiTargetsResponse
        {
            Targets =
            {
                new KpiTarget { Code = "ORDINARY_JOBS", Description = "in ordinary jobs", Measure = KpiMeasure.CitizensWithOutcome, OutcomeKind = OutcomeKind.JobStart, Target = 40 },
                new KpiTarget { Code = "COMPANIES", Description = "companies recruited", Measure = KpiMeasure.Employers, Target = 12 },
            },
        })).ShouldBe(
        [
            ["kpi", "description", "counts", "target"],
            ["ORDINARY_JOBS", "in ordinary jobs", "citizens with job_start", "40"],
            ["COMPANIES", "companies recruited", "employers", "12"],
        ]);
    }

    [Fact]
    public void The_ledger_is_a_table_an_item_a_line_with_the_unpriced_marked_and_the_total()
    {
        var ledger = new GetLedgerResponse
        {
            Items =
            {
                new LedgerItem
                {
                    ItemId = "i-1", Kind = LedgerItemKind.HandoverFee, CitizenId = Citizen, EarnedOn = Day(2023, 4, 3), Quantity = 1, UnitPriceOre = 2_500_000,
                    OriginalAmountOre = 2_500_000, AmountOre = 2_000_000, CappedBy = CapKind.PerCitizen, RateCardVersion = 1, PricingNote = "rate card version 1",
                    PayerId = "KOMMUNE",
                },
                new LedgerItem
                {
                    ItemId = "i-2", Kind = LedgerItemKind.Milestone, Code = "M24", CitizenId = Citizen, EarnedOn = Day(2025, 4, 3), Quantity = 1,
                    Unpriced = true, PricingNote = "no price for M24",
                },
                new LedgerItem
                {
                    ItemId = "i-3", Kind = LedgerItemKind.Credit, CitizenId = Citizen, EarnedOn = Day(2023, 5, 1), Quantity = 1, UnitPriceOre = -2_000_000,
                    OriginalAmountOre = -2_000_000, AmountOre = -500_000, RateCardVersion = 1, CreditsItemId = "i-1",
                },
            },
        };

        var report = LedgerView.Report(ledger);

        var rows = FinanceTests.Cells(report);
        rows[0].ShouldBe(["earned on", "kind", "payer", "code", "citizen", "quantity", "unit price", "before caps", "amount DKK", "capped by", "rate card", "pricing", "item", "credits item"]);
        rows[1].ShouldBe(["2023-04-03", "handover_fee", "KOMMUNE", "", Citizen, "1", "25,000.00", "25,000.00", "20,000.00", "per_citizen", "1", "rate card version 1", "i-1", ""]);
        rows[2].ShouldBe(["2025-04-03", "milestone", "", "M24", Citizen, "1", "0.00", "0.00", "0.00", "", "", "unpriced: no price for M24", "i-2", ""]);
        rows[3].ShouldBe(["2023-05-01", "credit", "", "", Citizen, "1", "-20,000.00", "-20,000.00", "-5,000.00", "", "1", "", "i-3", "i-1"]);
        report.ShouldEndWith("  3 item(s), 1 unpriced; total 15,000.00 DKK\n");
    }

    [Fact]
    public void A_rate_card_version_shows_its_terms_then_its_prices()
    {
        var card = new RateCard
        {
            PartnershipId = "p-1", Version = 2, EffectiveFrom = Day(2024, 1, 1), HandoverFeeOre = 2_500_000, VatRateBasisPoints = 2500,
            InvoicingPeriod = BillingInterval.Quarterly, PaymentTermsDays = 30, PayeeAccount = new PayeeAccount { BankRegistrationNumber = "1234", AccountNumber = "5678901" },
            Caps = new Caps { PerCitizenOre = 10_000_000 },
            MilestonePrices = { new MilestonePrice { MilestoneCode = "M24", AmountOre = 7_500_000 } },
            DeliverableFees = { new DeliverableFee { DeliverableKind = "TeachingDay", AmountOrePerUnit = 1_200_000 } },
            PeriodicFees = { new PeriodicFee { Code = "BASE", AmountOre = 5_000_000, Interval = BillingInterval.Monthly } },
            Budgets = { new YearBudget { Year = 2024, AmountOre = 300_000_000 } },
        };

        var lines = RateCardsView.Report(new ListRateCardsResponse { RateCards = { card } }).Split('\n');

        lines[0].ShouldBe("  Rate card version 2 of partnership p-1");
        var blank = Array.IndexOf(lines, "");
        FinanceTests.Cells(string.Join('\n', lines[1..blank])).ShouldBe(
        [
            ["term", "value"],
            ["effective from", "2024-01-01"],
            ["VAT", "25.00 %"],
            ["invoicing", "quarterly"],
            ["payment terms", "30 days"],
            ["payee account", "1234 5678901"],
            ["cap per citizen", "100,000.00"],
            ["cap per calendar year", ""],
            ["cap on the contract", ""],
            ["passed through to the investor", "0.00 %"],
            ["budget 2024", "3,000,000.00"],
        ]);
        FinanceTests.Cells(string.Join('\n', lines[(blank + 1)..])).ShouldBe(
        [
            ["price", "code", "interval", "DKK"],
            ["handover fee", "", "", "25,000.00"],
            ["milestone", "M24", "", "75,000.00"],
            ["deliverable, per unit", "TeachingDay", "", "12,000.00"],
            ["periodic fee", "BASE", "monthly", "50,000.00"],
        ]);
    }

    [Fact]
    public void A_rate_card_version_split_between_payers_lists_them_with_their_shares_caps_and_who_takes_the_rounding()
    {
        var card = new RateCard
        {
            PartnershipId = "p-1", Version = 1, EffectiveFrom = Day(2023, 3, 1), HandoverFeeOre = 2_500_000, VatRateBasisPoints = 2500,
            InvoicingPeriod = BillingInterval.Quarterly, PaymentTermsDays = 30, InvestorPassThroughBasisPoints = 7_500, RemainderPayerId = "KOMMUNE",
            Payers =
            {
                new Payer { PayerId = "KOMMUNE", Name = "Haderslev Kommune", Cvr = "29189757", Ean = "5798000420526", ShareBasisPoints = 8_000 },
                new Payer { PayerId = "FUND", Name = "Udfaldsfonden", Cvr = "11223344", Ean = "5798000123458", ShareBasisPoints = 2_000, CapOre = 50_000_000 },
            },
        };

        var report = RateCardsView.Report(new ListRateCardsResponse { RateCards = { card } });

        var tables = report.Split("\n\n");
        tables.Length.ShouldBe(3, report);
        FinanceTests.Cells(tables[0][(tables[0].IndexOf('\n') + 1)..]).ShouldContain(row => row.SequenceEqual(new[] { "passed through to the investor", "75.00 %" }));
        FinanceTests.Cells(tables[2]).ShouldBe(
        [
            ["payer", "name", "CVR", "EAN", "share", "cap", "rounding remainder"],
            ["KOMMUNE", "Haderslev Kommune", "29189757", "5798000420526", "80.00 %", "", "yes"],
            ["FUND", "Udfaldsfonden", "11223344", "5798000123458", "20.00 %", "500,000.00", ""],
        ]);
    }

    [Fact]
    public void The_audit_log_is_a_call_a_line_naming_at_most_three_citizens()
    {
        var entry = new AuditEntry
        {
            RecordedAt = Timestamp.FromDateTime(new DateTime(2024, 2, 1, 7, 45, 3, DateTimeKind.Utc)), Subject = "demo-kommune", Roles = { "kommune", "committee" },
            Organisation = "29189420", Rpc = "/partnerskab.cohort.v1.CohortService/ListCitizens", PartnershipId = "p-1", CitizenRecords = 5, StatusCode = "OK",
            CitizenIds = { "c1", "c2", "c3", "c4", "c5" },
        };

        var report = AuditView.Report([entry, new AuditEntry { Rpc = "/partnerskab.cohort.v1.CohortService/GetCitizen", StatusCode = "PERMISSION_DENIED" }], "");

        FinanceTests.Cells(report).ShouldBe(
        [
            ["recorded at", "subject", "roles", "organisation", "call", "status", "partnership", "records", "citizens"],
            ["2024-02-01 07:45:03 UTC", "demo-kommune", "kommune,committee", "29189420", "ListCitizens", "OK", "p-1", "5", "c1 c2 c3 and 2 more"],
            ["", "", "", "", "GetCitizen", "PERMISSION_DENIED", "", "0", ""],
        ]);
    }

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
