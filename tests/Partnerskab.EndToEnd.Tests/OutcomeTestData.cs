using Grpc.Core;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>Weekly-status streams and waits shared by the outcome service's end-to-end tests.</summary>
public static class OutcomeTestData
{
    public static WeeklyStatusRow Row(string citizenId, int year, int week, WeeklyStatus status, int paidHoursHundredths = 0) => new()
    {
        CitizenId = citizenId, IsoWeekYear = year, IsoWeek = week, Status = status, PaidHoursHundredths = paidHoursHundredths,
    };

    /// <summary>Streams the rows as one feed would: the first message names the partnership, the key and the source.</summary>
    public static async Task<ReportWeeklyStatusesResponse> StreamAsync(SuiteClients clients, string partnershipId, string key, StatusSource source,
        IEnumerable<WeeklyStatusRow> rows, bool rejectedRowsOnly = false)
    {
        using var call = clients.Outcome.ReportWeeklyStatuses(deadline: SuiteClients.Deadline());
        var first = true;
        foreach (var row in rows)
        {
            await call.RequestStream.WriteAsync(first
                ? new ReportWeeklyStatusesRequest { PartnershipId = partnershipId, IdempotencyKey = key, Source = source, Row = row, RejectedRowsOnly = rejectedRowsOnly }
                : new ReportWeeklyStatusesRequest { Row = row });
            first = false;
        }
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    /// <summary>
    /// Business-case inputs from 2023-04-01 with one weighed status, sickness benefit in 2023 at
    /// <paramref name="orePerWeek"/>, of which the kommune pays <paramref name="firstShare"/> for a
    /// spell's first five weeks and <paramref name="steppedShare"/> after (basis points).
    /// </summary>
    public static BusinessCaseInputs SicknessBenefitInputs(long orePerWeek, int firstShare, int steppedShare) => new()
    {
        EffectiveFrom = ThinSlice.Day(2023, 4, 1),
        Rates = { new BenefitRate { Status = WeeklyStatus.SicknessBenefit, Year = 2023, OrePerWeek = orePerWeek } },
        Shares =
        {
            new BenefitShare { Status = WeeklyStatus.SicknessBenefit, FromWeek = 1, BasisPoints = firstShare },
            new BenefitShare { Status = WeeklyStatus.SicknessBenefit, FromWeek = 6, BasisPoints = steppedShare },
        },
        RatesSource = "synthetic test rates",
    };

    /// <summary>The handover reaches the outcome service as an event; wait until its follow-up is open there.</summary>
    public static async Task WaitForFollowUpAsync(SuiteClients clients, string partnershipId, string citizenId)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await clients.Outcome.GetTimelineAsync(new GetTimelineRequest { PartnershipId = partnershipId, CitizenId = citizenId },
                    deadline: SuiteClients.Deadline());
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound && DateTime.UtcNow < until)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>The citizen's milestones (revoked ones included) once they satisfy a condition; events and recomputation are asynchronous to the caller.</summary>
    public static async Task<IReadOnlyList<Milestone>> MilestonesAsync(SuiteClients clients, string partnershipId, string citizenId,
        Func<IReadOnlyList<Milestone>, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var milestones = (await clients.Outcome.ListMilestonesAsync(new ListMilestonesRequest { PartnershipId = partnershipId, CitizenId = citizenId },
                deadline: SuiteClients.Deadline())).Milestones;
            if (until(milestones)) return milestones;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the milestones never got there: {milestones}");
            await Task.Delay(100);
        }
    }
}
