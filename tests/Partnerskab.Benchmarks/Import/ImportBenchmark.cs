using System.Diagnostics;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;

namespace Partnerskab.Benchmarks;

/// <summary>
/// Streams synthetic citizens into a new partnership through ImportCitizens and reports the
/// rows per second from the first row sent to the answer received. The later benchmarks hand
/// their citizens over the same way.
/// </summary>
public static class ImportBenchmark
{
    public sealed record Result(string PartnershipId, int Rows, int Accepted, int Rejected, IReadOnlyList<string> CitizenIds, TimeSpan Elapsed)
    {
        public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
    }

    /// <summary>Synthetic citizen n's handover day, in the Haderslev agreement's window (March to June 2023).</summary>
    public static DateOnly HandoverDate(int n) => new(2023, 3 + n % 4, 1 + n % 28);

    /// <summary>Synthetic citizen n as a handover row.</summary>
    public static CitizenRow Row(int n)
    {
        var handover = HandoverDate(n);
        return new CitizenRow
        {
            Cpr = SyntheticCitizens.Cpr(n),
            HandoverDate = ThinSlice.Day(handover.Year, handover.Month, handover.Day),
            BenefitType = n % 3 == 0 ? BenefitType.JobClarificationBenefit : BenefitType.SicknessBenefit,
            WeeksSickListed = 27 + n % 80,
            CaseReference = $"BENCH-{n:D7}",
        };
    }

    /// <summary>
    /// Imports synthetic citizens first..first+rows-1 into a new partnership (the Haderslev
    /// agreement with room for them), or into <paramref name="partnershipId"/> when given.
    /// </summary>
    public static async Task<Result> RunAsync(SuiteClients suite, int rows, int first = 0, string? partnershipId = null)
    {
        var reference = $"benchmark-import-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..60];
        partnershipId ??= await CreatePartnershipAsync(suite, reference, rows);

        var stopwatch = Stopwatch.StartNew();
        using var call = suite.Cohort.ImportCitizens(deadline: Deadlines.Stream());
        for (var n = first; n < first + rows; n++)
        {
            await call.RequestStream.WriteAsync(new ImportCitizensRequest
            {
                PartnershipId = n == first ? partnershipId : "",
                IdempotencyKey = n == first ? reference : "",
                Row = Row(n),
            });
        }
        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;
        stopwatch.Stop();
        var citizenIds = response.Results.Where(r => r.Outcome == RowOutcome.Accepted).Select(r => r.CitizenId).ToList();
        return new Result(partnershipId, rows, response.Accepted, response.Rejected, citizenIds, stopwatch.Elapsed);
    }

    /// <summary>The Haderslev agreement under a fresh reference, with room for this many citizens and these milestones, if any.</summary>
    public static async Task<string> CreatePartnershipAsync(SuiteClients suite, string reference, int capacity,
        params Protos.Outcome.V1.MilestoneDefinition[] milestones)
    {
        var agreement = ThinSlice.HaderslevAgreement(reference);
        agreement.CohortCapacity = capacity;
        var partnershipId = (await suite.Cohort.CreatePartnershipAsync(agreement, deadline: Deadlines.Call())).Partnership.PartnershipId;
        if (milestones.Length > 0)
        {
            await suite.Outcome.SetMilestoneDefinitionsAsync(new Protos.Outcome.V1.SetMilestoneDefinitionsRequest
            {
                PartnershipId = partnershipId,
                Definitions = { milestones },
            }, deadline: Deadlines.Call());
        }
        return partnershipId;
    }
}
