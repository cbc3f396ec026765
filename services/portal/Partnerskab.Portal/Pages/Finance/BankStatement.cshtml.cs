using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Partnerskab.Imports.BankStatements;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Finance;

/// <summary>
/// Uploads the bank statement of the person's organisation (the issuer of the invoices): the CSV
/// the CLI takes, or the bank's camt.053 XML. Every credit must read well, or nothing is
/// recorded; then all of them go to the payment service in one call, which records each bank
/// line once (or refuses the whole statement).
/// </summary>
[Authorize(Roles = SuiteRoles.Finance)]
[RequestSizeLimit(MaxBytes)]
public sealed class BankStatementModel(PaymentService.PaymentServiceClient payment, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MaxBytes = 20_000_000;

    /// <summary>RecordPayments takes at most this many lines in one call, and one call records all or nothing.</summary>
    public const int MaxLines = 10_000;

    public string? Organisation { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public BankStatementFile? Statement { get; private set; }
    public IReadOnlyList<RecordedPaymentLine> Results { get; private set; } = [];

    public void OnGet() => Organisation = new AccountScope(User).Organisation;

    public async Task<IActionResult> OnPostAsync(IFormFile? statement, CancellationToken cancellationToken)
    {
        Organisation = new AccountScope(User).Organisation;
        Problems = await RecordAsync(statement, cancellationToken);
        if (Problems.Count == 0) return Page();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IReadOnlyList<string>> RecordAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (Organisation is null) return ["StatementNoOrganisation"];
        if (file is null || file.Length == 0) return ["StatementMissing"];
        using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        try
        {
            Statement = BankStatementFile.Read(content.ToArray());
        }
        catch (FormatException e)
        {
            return [e.Message];
        }
        if (Statement.Lines is not { } lines) return ["StatementHasProblems"];
        if (lines.Count == 0) return ["StatementNoCredits"];
        if (lines.Count > MaxLines) return ["StatementTooLong"];
        try
        {
            Results = (await payment.RecordPaymentsAsync(new RecordPaymentsRequest { IssuerCvr = Organisation, Lines = { lines } },
                deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken)).Lines;
            return [];
        }
        catch (RpcException e) when (ServiceRefusal.Problems(e, localizer) is { } problems)
        {
            return problems;
        }
    }
}
