using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Gateway.Jobs;

/// <summary>
/// Credit lines of an issuer's bank statement, each sent to the payment service's RecordPayments
/// on its own, so a bad line is rejected and the others kept. A bank line id is recorded once: a
/// line sent again is answered UNCHANGED.
/// </summary>
public sealed class BankLineImportJob(PaymentService.PaymentServiceClient payment) : JobKind
{
    public const string KindName = "bankStatementLines";

    public override string Name => KindName;

    public override IReadOnlyList<JobColumn> Columns { get; } =
    [
        new("bankLineId", "bankLineId"),
        new("bookedOn", "bookedOn"),
        new("amount", "amountOre", Hundredths: true),
        new("reference", "reference"),
    ];

    public override MessageDescriptor Row => BankStatementLine.Descriptor;

    /// <summary>A row a chunk: each line's result is kept as soon as it is known.</summary>
    public override int ChunkRows => 1;

    public override bool ChunksMayOverlap => false;

    /// <summary>The service has no dry run of this call: a validation only reads the rows.</summary>
    public override bool HasDryRun => false;

    public override string? ReferenceOf(JsonObject? fields) => Text(fields, "bankLineId");

    public override Task<IReadOnlyList<JobRowResult>> RunAsync(JobCall call, IReadOnlyList<(int RowNumber, IMessage Row)> rows, CancellationToken cancellationToken) =>
        EachRowAsync(rows, async row =>
        {
            var line = (BankStatementLine)row;
            var answer = await payment.RecordPaymentsAsync(new RecordPaymentsRequest { IssuerCvr = call.Target, Lines = { line } }, call.Headers, Deadline(), cancellationToken);
            var recorded = answer.Lines.Single().Result == PaymentLineResult.Recorded;
            return (recorded ? JobRowResult.Accepted : JobRowResult.Unchanged, null);
        }, row => ((BankStatementLine)row).BankLineId, fieldPrefix: "lines[0].");
}
