using Partnerskab.Benchmarks;
using Partnerskab.Scenario;

// Usage: Partnerskab.Benchmarks import [rows]
// Runs against the services at COHORT_URL, OUTCOME_URL and PAYMENT_URL (deploy/up.sh's by default).
static Uri Url(string name, string fallback) => new(Environment.GetEnvironmentVariable(name) ?? fallback);

if (args is not ["import", ..])
{
    Console.Error.WriteLine("usage: Partnerskab.Benchmarks import [rows]");
    return 2;
}

var rows = args.Length > 1 ? int.Parse(args[1]) : 100_000;
using var suite = new SuiteClients(
    Url("COHORT_URL", "http://127.0.0.1:5101"),
    Url("OUTCOME_URL", "http://127.0.0.1:5201"),
    Url("PAYMENT_URL", "http://127.0.0.1:5301"));

var result = await ImportBenchmark.RunAsync(suite, rows);
Console.WriteLine($"| cohort import, client-streaming gRPC, {result.Rows:N0} citizens | {result.RowsPerSecond:N0} rows/s | {result.Elapsed.TotalSeconds:N1} s | accepted {result.Accepted:N0}, rejected {result.Rejected:N0} |");
return result.Accepted == rows ? 0 : 1;
