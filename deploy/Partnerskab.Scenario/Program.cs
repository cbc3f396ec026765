using Partnerskab.Scenario;

// Reads the service addresses from COHORT_URL, OUTCOME_URL and PAYMENT_URL and the bearer
// token from PARTNERSKAB_TOKEN, and runs the reference scenario through the public gRPC APIs,
// printing its report.
static Uri Url(string name, string fallback) => new(Environment.GetEnvironmentVariable(name) ?? fallback);

var token = Environment.GetEnvironmentVariable("PARTNERSKAB_TOKEN");
if (string.IsNullOrEmpty(token))
{
    Console.Error.WriteLine("Set PARTNERSKAB_TOKEN to a token for the kommune, provider and finance roles (partnerskab token issue).");
    return 2;
}
using var suite = new SuiteClients(
    Url("COHORT_URL", "http://127.0.0.1:5101"),
    Url("OUTCOME_URL", "http://127.0.0.1:5201"),
    Url("PAYMENT_URL", "http://127.0.0.1:5301"),
    token);

Console.WriteLine("Partnerskab reference scenario: the thin slice of the Haderslev partnership");
var result = await ThinSlice.RunAsync(suite, reference: "haderslev-2023", cpr: "150385-1234", Console.Out);
var milestoneItems = result.Ledger.Count(i => i.Kind == Partnerskab.Protos.Payment.V1.LedgerItemKind.Milestone);
if (result.Milestones.Count == 0 || milestoneItems != result.Milestones.Count)
{
    Console.Error.WriteLine($"FAILED: {result.Milestones.Count} milestones reached but {milestoneItems} milestone items in the ledger.");
    return 1;
}
Console.WriteLine("OK: the milestone reached the ledger and the cost report.");
return 0;
