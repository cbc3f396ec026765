using System.Text.Json.Nodes;
using Partnerskab.Gateway.OpenApi;

namespace Partnerskab.RepositoryTests;

/// <summary>The committed OpenAPI document is the one the protos give, passes Redocly's lint, and puts no CPR number in a URL.</summary>
public sealed class GatewayOpenApiTests
{
    private static readonly string CommittedPath = Repository.PathOf("services", "gateway", "Partnerskab.Gateway", "openapi", "v1.json");

    private static string Redocly => Environment.GetEnvironmentVariable("PARTNERSKAB_REDOCLY") is { Length: > 0 } path
        ? path
        : throw new InvalidOperationException("PARTNERSKAB_REDOCLY is not set: run the tests through tests/run.sh, which installs the Redocly CLI.");

    [Fact]
    public void The_committed_document_is_the_one_the_protos_give()
    {
        File.ReadAllText(CommittedPath).ShouldBe(OpenApiDocument.Generate(),
            "the protos changed: regenerate it with `dotnet services/gateway/Partnerskab.Gateway/bin/Release/net10.0/Partnerskab.Gateway.dll openapi > services/gateway/Partnerskab.Gateway/openapi/v1.json`");
    }

    [Fact]
    public async Task The_committed_document_passes_redocly_lint()
    {
        var (exitCode, output) = await Repository.RunAsync(Redocly, Repository.Root, "lint", "--format", "summary", CommittedPath);

        exitCode.ShouldBe(0, output);
        output.ShouldNotContain("error", Case.Insensitive);
    }

    [Fact]
    public async Task Redocly_lint_can_fail()
    {
        var dir = Directory.CreateTempSubdirectory("openapi-lint-");
        try
        {
            var broken = Path.Combine(dir.FullName, "broken.json");
            File.WriteAllText(broken, """
                { "openapi": "3.0.3", "info": { "title": "t", "version": "1" }, "servers": [ { "url": "/" } ],
                  "paths": { "/v1/things/{thing_id}": { "get": { "operationId": "get", "summary": "s", "responses": { "200": { "description": "ok" } } } } } }
                """);
            var (exitCode, output) = await Repository.RunAsync(Redocly, dir.FullName, "lint", "--format", "summary", broken);
            exitCode.ShouldNotBe(0);
            output.ShouldContain("path-parameters-defined");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void No_path_or_query_parameter_carries_a_cpr_number_and_the_handover_body_does()
    {
        var document = JsonNode.Parse(File.ReadAllText(CommittedPath))!;
        var paths = document["paths"]!.AsObject();
        var parameters = paths.SelectMany(p => p.Value!.AsObject())
            .SelectMany(operation => operation.Value!["parameters"]?.AsArray() ?? [])
            .Select(parameter => (string)parameter!["name"]!);

        paths.Select(p => p.Key).ShouldAllBe(path => !path.Contains("cpr", StringComparison.OrdinalIgnoreCase));
        parameters.ShouldAllBe(name => !name.Contains("cpr", StringComparison.OrdinalIgnoreCase));
        document["components"]!["schemas"]!["partnerskab.cohort.v1.HandOverCitizenRequest"]!["properties"]!["cpr"].ShouldNotBeNull();
    }
}
