using Partnerskab.Scenario;
using Partnerskab.Scenario.Haderslev;

// Reads the service addresses from COHORT_URL, OUTCOME_URL and PAYMENT_URL and the bearer
// token from PARTNERSKAB_TOKEN, and runs the Haderslev reference scenario (synthetic data)
// through the public gRPC APIs, printing its report.
static Uri Url(string name, string fallback) => new(Environment.GetEnvironmentVariable(name) ?? fallback);

var token = Environment.GetEnvironmentVariable("PARTNERSKAB_TOKEN");
if (string.IsNullOrEmpty(token))
{
    Console.Error.WriteLine("Set PARTNERSKAB_TOKEN to a token for the kommune, provider, finance and operator roles (partnerskab token issue): the scenario loads its partnership historically, which only the operator may.");
    return 2;
}
using var suite = new SuiteClients(
    Url("COHORT_URL", "http://127.0.0.1:5101"),
    Url("OUTCOME_URL", "http://127.0.0.1:5201"),
    Url("PAYMENT_URL", "http://127.0.0.1:5301"),
    token);

Console.WriteLine("Partnerskab reference scenario: the Haderslev partnership 2023-2025 (synthetic citizens and outcomes)");
var result = await ReferenceScenario.RunAsync(suite, ReferenceScenario.DefaultReference, ReferenceScenario.DefaultProviderCvr, Console.Out);
if (result.Differences.Count > 0)
{
    Console.WriteLine($"FAILED: the cost report differs from the reference figures: {string.Join("; ", result.Differences)}.");
    return 1;
}
Console.WriteLine("OK: paid 0.3 / 2.4 / 0.8 mio DKK in 2023 / 2024 / 2025 and 2.1 mio still expected, 5.6 mio in all (excl. VAT), as the reference case.");
return 0;
