using Partnerskab.Gateway.Hosting;
using Partnerskab.Gateway.OpenApi;
using Partnerskab.Gateway.Persistence;
using Partnerskab.ServiceDefaults.Persistence;

// `dotnet Partnerskab.Gateway.dll openapi` prints the OpenAPI document generated from the protos.
if (args is ["openapi"])
{
    Console.Write(OpenApiDocument.Generate());
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddGateway();

var app = builder.Build();
app.MapGateway();
if (!await app.MigrateDatabaseAsync<GatewayDbContext>()) return;
await app.RunAsync();
