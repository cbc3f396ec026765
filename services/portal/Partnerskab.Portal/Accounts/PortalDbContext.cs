using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Portal.Accounts;

/// <summary>The portal's own database: people's accounts, roles and sign-in state (ASP.NET Core Identity).</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser, IdentityRole, string>(options);

/// <summary>For `dotnet ef migrations add`.</summary>
public sealed class PortalDbContextDesignFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) => new(DatabaseExtensions.DesignTimeOptions<PortalDbContext>());
}
