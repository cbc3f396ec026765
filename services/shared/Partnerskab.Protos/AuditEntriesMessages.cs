using Google.Protobuf.Collections;

namespace Partnerskab.Protos.Audit.V1
{
    /// <summary>What every service's ListAuditEntriesRequest holds (each service's proto declares its own message).</summary>
    public interface IListAuditEntriesRequest
    {
        AuditFilter Filter { get; }
        int PageSize { get; }
        string PageToken { get; }
    }

    /// <summary>What every service's ListAuditEntriesResponse holds.</summary>
    public interface IListAuditEntriesResponse
    {
        RepeatedField<AuditEntry> Entries { get; }
        string NextPageToken { get; set; }
    }
}

namespace Partnerskab.Protos.Cohort.V1
{
    public sealed partial class ListAuditEntriesRequest : Audit.V1.IListAuditEntriesRequest;

    public sealed partial class ListAuditEntriesResponse : Audit.V1.IListAuditEntriesResponse;
}

namespace Partnerskab.Protos.Outcome.V1
{
    public sealed partial class ListAuditEntriesRequest : Audit.V1.IListAuditEntriesRequest;

    public sealed partial class ListAuditEntriesResponse : Audit.V1.IListAuditEntriesResponse;
}

namespace Partnerskab.Protos.Payment.V1
{
    public sealed partial class ListAuditEntriesRequest : Audit.V1.IListAuditEntriesRequest;

    public sealed partial class ListAuditEntriesResponse : Audit.V1.IListAuditEntriesResponse;
}
