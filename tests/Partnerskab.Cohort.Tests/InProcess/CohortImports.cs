using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;

namespace Partnerskab.Cohort.Tests.InProcess;

public static class CohortImports
{
    /// <summary>Streams the rows as one import (or its dry run) and returns its answer.</summary>
    public static async Task<ImportCitizensResponse> ImportAsync(this CohortService.CohortServiceClient cohort,
        string partnershipId, string idempotencyKey, IReadOnlyList<CitizenRow> rows, bool validateOnly = false)
    {
        using var call = cohort.ImportCitizens(deadline: SuiteClients.Deadline());
        var first = true;
        foreach (var row in rows)
        {
            await call.RequestStream.WriteAsync(first
                ? new ImportCitizensRequest { PartnershipId = partnershipId, IdempotencyKey = idempotencyKey, Row = row, ValidateOnly = validateOnly }
                : new ImportCitizensRequest { Row = row });
            first = false;
        }
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }
}
