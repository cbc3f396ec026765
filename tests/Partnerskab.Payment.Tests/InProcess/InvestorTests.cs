using Grpc.Core;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;
using Partnerskab.Tokens;

namespace Partnerskab.Payment.Tests.InProcess;

[Collection(PaymentServiceCollection.Name)]
public sealed class InvestorTests(PaymentHost payment) : InProcessTests(payment.ResetAsync)
{
    private static RecordInvestorCashFlowRequest CashFlow(string partnershipId, InvestorCashFlowKind kind, int year, int month, int day, long ore, string reference) => new()
    {
        PartnershipId = partnershipId, Kind = kind, OccurredOn = ThinSlice.Day(year, month, day), AmountOre = ore, Reference = reference,
    };

    [Fact]
    public async Task Finance_records_the_investors_cash_flows_once_each_and_the_investor_reads_the_position()
    {
        var client = payment.Client;
        var id = Guid.NewGuid().ToString();
        RecordInvestorCashFlowRequest[] flows =
        [
            CashFlow(id, InvestorCashFlowKind.Commitment, 2023, 2, 15, 2_100_000_00, "agreement §4"),
            CashFlow(id, InvestorCashFlowKind.Drawdown, 2023, 3, 1, 1_000_000_00, "bank 2023-03-01"),
            CashFlow(id, InvestorCashFlowKind.Drawdown, 2023, 9, 1, 800_000_00, "bank 2023-09-01"),
            CashFlow(id, InvestorCashFlowKind.Repayment, 2024, 3, 1, 1_000_000_00, "bank 2024-03-01"),
            CashFlow(id, InvestorCashFlowKind.Return, 2024, 3, 1, 90_000_00, "bank 2024-03-01 return"),
        ];
        foreach (var flow in flows.Reverse())
        {
            if (flow.Kind == InvestorCashFlowKind.Repayment) continue;
            (await client.RecordInvestorCashFlowAsync(flow, deadline: SuiteClients.Deadline())).Created.ShouldBeTrue();
        }
        var repayment = await client.RecordInvestorCashFlowAsync(flows[3], deadline: SuiteClients.Deadline());
        var again = await client.RecordInvestorCashFlowAsync(flows[3], deadline: SuiteClients.Deadline());
        var changed = await Should.ThrowAsync<RpcException>(client.RecordInvestorCashFlowAsync(flows[3].With(f => f.AmountOre++), deadline: SuiteClients.Deadline()).ResponseAsync);

        (repayment.Created, again.Created, again.CashFlow).ShouldBe((true, false, repayment.CashFlow));
        repayment.CashFlow.RecordedBy.ShouldBe(InProcessService<PaymentGrpcService, PaymentService.PaymentServiceClient>.Operator.Subject);
        changed.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        var listed = (await client.ListInvestorCashFlowsAsync(new ListInvestorCashFlowsRequest { PartnershipId = id }, deadline: SuiteClients.Deadline())).CashFlows;
        listed.Select(f => f.Reference).ShouldBe(["agreement §4", "bank 2023-03-01", "bank 2023-09-01", "bank 2024-03-01 return", "bank 2024-03-01"],
            "in date order however they were recorded, one day's in the order recorded (the repayment last)");

        using var investor = payment.ClientFor(new TokenSubject("kapitalfond", [SuiteRoles.Investor], "33445566", [id]));
        var position = await investor.Client.GetInvestorPositionAsync(new GetInvestorPositionRequest { PartnershipId = id, AsOf = ThinSlice.Day(2024, 3, 1) },
            deadline: SuiteClients.Deadline());
        (position.CommittedOre, position.DrawnOre, position.RepaidOre, position.ReturnedOre).ShouldBe((2_100_000_00, 1_800_000_00, 1_000_000_00, 90_000_00));
        (position.OutstandingOre, position.UndrawnOre, position.CashFlows).ShouldBe((800_000_00, 300_000_00, 5));
        position.MultipleTenThousandths.ShouldBe(6056, "1.09 million back of 1.8 million in: 0.60556 times");
        position.RateOfReturnStatus.ShouldBe(RateOfReturnStatus.Rate);
        position.HasRateOfReturn.ShouldBeTrue();

        var before = await investor.Client.GetInvestorPositionAsync(new GetInvestorPositionRequest { PartnershipId = id, AsOf = ThinSlice.Day(2024, 2, 29) },
            deadline: SuiteClients.Deadline());
        (before.RepaidOre, before.RateOfReturnStatus, before.HasRateOfReturn).ShouldBe((0, RateOfReturnStatus.NoSolution, false));

        var elsewhere = await Should.ThrowAsync<RpcException>(investor.Client.GetInvestorPositionAsync(
            new GetInvestorPositionRequest { PartnershipId = Guid.NewGuid().ToString() }, deadline: SuiteClients.Deadline()).ResponseAsync);
        elsewhere.StatusCode.ShouldBe(StatusCode.PermissionDenied, "an investor reads only its partnerships");
    }

    [Fact]
    public async Task Repaying_more_capital_than_was_drawn_is_refused_and_writes_nothing()
    {
        var client = payment.Client;
        var id = Guid.NewGuid().ToString();
        await client.RecordInvestorCashFlowAsync(CashFlow(id, InvestorCashFlowKind.Drawdown, 2023, 3, 1, 500_000_00, "d1"), deadline: SuiteClients.Deadline());
        var rows = await payment.RowCountsAsync();

        var refused = await Should.ThrowAsync<RpcException>(client.RecordInvestorCashFlowAsync(
            CashFlow(id, InvestorCashFlowKind.Repayment, 2023, 12, 1, 500_000_01, "r1"), deadline: SuiteClients.Deadline()).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Status.Detail.ShouldContain("a payment to the investor beyond its capital is a return");
        (await payment.RowCountsAsync()).ShouldBe(rows);
    }

    [Fact]
    public async Task Investor_cash_flows_are_never_changed_or_deleted_even_by_sql()
    {
        var id = Guid.NewGuid().ToString();
        await payment.Client.RecordInvestorCashFlowAsync(CashFlow(id, InvestorCashFlowKind.Drawdown, 2023, 3, 1, 1_00, "d1"), deadline: SuiteClients.Deadline());
        await using var connection = await payment.OpenAsync();

        foreach (var statement in new[] { "UPDATE investor_cash_flows SET amount_ore = 2", "DELETE FROM investor_cash_flows", "TRUNCATE investor_cash_flows" })
        {
            await using var command = new Npgsql.NpgsqlCommand(statement, connection);
            (await Should.ThrowAsync<Npgsql.PostgresException>(command.ExecuteNonQueryAsync())).SqlState.ShouldBe("23001", statement);
        }
    }
}
