using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Hosting;
using Partnerskab.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args is [AddAccountCommand.Name, ..] ? [] : args);
builder.AddPortal();

var app = builder.Build();
if (!await app.MigrateDatabaseAsync<PortalDbContext>()) return 0;
if (args is [AddAccountCommand.Name, ..])
{
    return await AddAccountCommand.RunAsync(app.Services, args[1..], Console.In, Console.Out);
}
app.MapPortal();
await app.RunAsync();
return 0;
