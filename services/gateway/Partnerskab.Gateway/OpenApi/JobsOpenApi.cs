using System.Text.Json.Nodes;
using Partnerskab.Gateway.Jobs;

namespace Partnerskab.Gateway.OpenApi;

/// <summary>The bulk job routes in the OpenAPI document: the gateway's own, not an RPC's.</summary>
public static class JobsOpenApi
{
    public const string Tag = "Jobs";
    private const string JobSchema = "BulkJob";
    private const string RowResultSchema = "BulkJobRowResult";

    public static JsonObject TagObject() => new()
    {
        ["name"] = Tag,
        ["description"] = "Bulk files (CSV or NDJSON) run as asynchronous jobs by the gateway, as the caller who posted them.",
    };

    public static void Add(JsonObject paths, IDictionary<string, JsonNode> schemas, Func<string, JsonObject> problemResponse)
    {
        paths[JobEndpoints.CitizensRoute] = new JsonObject
        {
            ["post"] = Post("CitizenImport", "Import citizens from a file",
                "Citizens to hand over, as the cohort service's ImportCitizens stream takes them. CSV columns: cpr, handoverDate, benefitType, "
                + "weeksSickListed, caseReference; NDJSON: one CitizenRow as JSON a line.", "partnership_id", [], problemResponse),
        };
        paths[JobEndpoints.WeeklyStatusesRoute] = new JsonObject
        {
            ["post"] = Post("WeeklyStatusImport", "Report weekly statuses from a file",
                "Weekly statuses of one source, as the outcome service's ReportWeeklyStatuses stream takes them. CSV columns: citizenId, isoWeekYear, "
                + "isoWeek, status, paidHours (hours, up to two decimals, decimal comma or point); NDJSON: one WeeklyStatusRow as JSON a line. "
                + "STATUS_SOURCE_COMPARISON_REGISTER: the register's weeks of the business case's comparison group (the kommune only).",
                "partnership_id", [new JsonObject
                {
                    ["name"] = "source",
                    ["in"] = "query",
                    ["required"] = true,
                    ["schema"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("STATUS_SOURCE_PROVIDER", "STATUS_SOURCE_REGISTER", "STATUS_SOURCE_COMPARISON_REGISTER") },
                }], problemResponse),
        };
        paths[JobEndpoints.ClaimsRoute] = new JsonObject
        {
            ["post"] = Post("ClaimImport", "Claim outcomes from a file",
                "The provider's outcome claims, each sent to the outcome service's ClaimOutcome (idempotent by claim reference). CSV columns: "
                + "citizenId, claimReference, kind, outcomeDate, hoursPerWeek (hours, up to two decimals), employerCvr, evidenceReference; NDJSON: "
                + "one ClaimOutcomeRequest as JSON a line. ClaimOutcome has no dry run: mode=validate only reads the rows (READ).", "partnership_id", [], problemResponse),
        };
        paths[JobEndpoints.BankStatementRoute] = new JsonObject
        {
            ["post"] = Post("BankStatementImport", "Record bank statement lines from a file",
                "Credit lines of the issuer's bank statement, each sent to the payment service's RecordPayments (idempotent by bank line id). "
                + "CSV columns: bankLineId, bookedOn, amount (kroner, up to two decimals), reference; NDJSON: one BankStatementLine as JSON a line. "
                + "RecordPayments has no dry run: mode=validate only reads the rows (READ).", "issuer_cvr", [], problemResponse),
        };
        paths[JobEndpoints.JobRoute] = new JsonObject
        {
            ["get"] = new JsonObject
            {
                ["operationId"] = "Jobs_GetJob",
                ["summary"] = "Get a job",
                ["description"] = "The job's state and progress, and once it is done every row's result; with Accept: text/csv, the rejected rows "
                    + "with their reasons, a line a reason. Another caller's job is not found, as one that does not exist.",
                ["tags"] = new JsonArray(Tag),
                ["parameters"] = new JsonArray(new JsonObject { ["name"] = "job_id", ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } }),
                ["responses"] = new JsonObject
                {
                    ["200"] = new JsonObject
                    {
                        ["description"] = "The job.",
                        ["content"] = new JsonObject
                        {
                            ["application/json"] = new JsonObject { ["schema"] = Reference(JobSchema) },
                            ["text/csv"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["description"] = "rowNumber;reference;citizenId;field;description" } },
                        },
                    },
                    ["4XX"] = problemResponse("Not found (404), or the CSV of a job not done yet (409)."),
                },
            },
        };
        schemas[JobSchema] = Job();
        schemas[RowResultSchema] = RowResult();
    }

    private static JsonObject Post(string name, string summary, string description, string target, JsonNode[] parameters, Func<string, JsonObject> problemResponse) => new()
    {
        ["operationId"] = $"Jobs_{name}",
        ["summary"] = summary,
        ["description"] = description + " The file is stored (encrypted) before the answer, and the job runs later, as the caller; "
            + "mode=validate judges every row by the same rules and writes nothing. Rows that cannot be read, or that the rules refuse, are "
            + "rejected one by one; the others are kept.",
        ["tags"] = new JsonArray(Tag),
        ["parameters"] = new JsonArray([
            new JsonObject { ["name"] = target, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } },
            new JsonObject
            {
                ["name"] = "mode",
                ["in"] = "query",
                ["schema"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("import", "validate"), ["default"] = "import" },
            },
            .. parameters]),
        ["requestBody"] = new JsonObject
        {
            ["required"] = true,
            ["content"] = new JsonObject
            {
                ["text/csv"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["description"] = "RFC 4180, UTF-8 (a byte order mark is allowed), a header row, ';' or ','." } },
                ["application/x-ndjson"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["description"] = "One JSON object a line." } },
            },
        },
        ["responses"] = new JsonObject
        {
            ["202"] = new JsonObject
            {
                ["description"] = "The job is stored and queued.",
                ["headers"] = new JsonObject { ["Location"] = new JsonObject { ["description"] = "The job: /v1/jobs/{job_id}.", ["schema"] = new JsonObject { ["type"] = "string" } } },
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Reference(JobSchema) } },
            },
            ["4XX"] = problemResponse("The file was refused: invalid, or a missing column (400), not CSV or NDJSON (415), too large or too many rows (413)."),
            ["5XX"] = problemResponse("The gateway could not store the job."),
        },
    };

    private static JsonObject Reference(string schema) => new() { ["$ref"] = $"#/components/schemas/{schema}" };

    private static JsonObject Job() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string" },
            ["kind"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(CitizenImportJob.KindName, WeeklyStatusJob.KindName, ClaimImportJob.KindName, BankLineImportJob.KindName) },
            ["mode"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("import", "validate") },
            ["partnershipId"] = new JsonObject { ["type"] = "string" },
            ["issuerCvr"] = new JsonObject { ["type"] = "string", ["description"] = "For bank statement lines: the issuer." },
            ["source"] = new JsonObject { ["type"] = "string", ["description"] = "For weekly statuses: the source." },
            ["state"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("queued", "running", "done", "failed") },
            ["rows"] = new JsonObject { ["type"] = "integer", ["format"] = "int32", ["description"] = "The rows of the file." },
            ["progress"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["rowsRead"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
                    ["accepted"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
                    ["unchanged"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
                    ["rejected"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
                },
            },
            ["createdAt"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["finishedAt"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["failure"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" },
            ["results"] = new JsonObject
            {
                ["type"] = "array",
                ["description"] = "Once the job is done: one result a row, in file order.",
                ["items"] = Reference(RowResultSchema),
            },
        },
    };

    private static JsonObject RowResult() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["rowNumber"] = new JsonObject { ["type"] = "integer", ["format"] = "int32", ["description"] = "1 for the first row after a CSV header; an NDJSON row's line." },
            ["outcome"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(JobRowResult.Accepted, JobRowResult.Unchanged, JobRowResult.Rejected, JobRowResult.Read) },
            ["citizenId"] = new JsonObject { ["type"] = "string" },
            ["reference"] = new JsonObject { ["type"] = "string", ["description"] = "A rejected row's own reference, where it has one: its case reference, claim reference or bank line id." },
            ["violations"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject { ["field"] = new JsonObject { ["type"] = "string" }, ["description"] = new JsonObject { ["type"] = "string" } },
                },
            },
        },
    };
}
