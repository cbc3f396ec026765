using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Gateway.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class GrpcIdempotencyMetadata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "grpc_metadata",
                table: "idempotency_keys",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "grpc_metadata",
                table: "idempotency_keys");
        }
    }
}
