using System.Diagnostics;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;

namespace Partnerskab.Benchmarks;

/// <summary>
/// Streams N synthetic citizens into a new partnership through ImportCitizens and reports the
/// rows per second from the first row sent to the answer received.
/// </summary>
public static class ImportBenchmark
{
    public sealed record Result(int Rows, int Accepted, int Rejected, TimeSpan Elapsed)
    {
        public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
    }

    public static async Task<Result> RunAsync(SuiteClients suite, int rows)
    {
        var reference = $"benchmark-import-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..60];
        var agreement = ThinSlice.HaderslevAgreement(reference);
        agreement.CohortCapacity = rows;
        var partnership = (await suite.Cohort.CreatePartnershipAsync(agreement, deadline: SuiteClients.Deadline())).Partnership;

        var stopwatch = Stopwatch.StartNew();
        using var call = suite.Cohort.ImportCitizens(deadline: DateTime.UtcNow.AddMinutes(30));
        for (var n = 0; n < rows; n++)
        {
            await call.RequestStream.WriteAsync(new ImportCitizensRequest
            {
                PartnershipId = n == 0 ? partnership.PartnershipId : "",
                IdempotencyKey = n == 0 ? reference : "",
                Row = new CitizenRow
                {
                    Cpr = SyntheticCitizens.Cpr(n),
                    HandoverDate = ThinSlice.Day(2023, 3 + n % 4, 1 + n % 28),
                    BenefitType = n % 3 == 0 ? BenefitType.JobClarificationBenefit : BenefitType.SicknessBenefit,
                    WeeksSickListed = 27 + n % 80,
                    CaseReference = $"BENCH-{n:D7}",
                },
            });
        }
        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;
        stopwatch.Stop();
        return new Result(rows, response.Accepted, response.Rejected, stopwatch.Elapsed);
    }
}
