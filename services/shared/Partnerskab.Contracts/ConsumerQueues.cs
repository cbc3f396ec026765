namespace Partnerskab.Contracts;

/// <summary>
/// The queue of every consumer in the suite ("{service}-{what it does}"), named here once: each
/// service declares its consumers' endpoints with these names, and the operator's tools read
/// their "{queue}_error" queues by them. A name is the queue's address on the broker: renaming
/// one leaves the old queue, and whatever it holds, behind.
/// </summary>
public static class ConsumerQueues
{
    public const string OpenFollowUpOnHandover = "outcome-open-follow-up-on-handover";
    public const string StopFollowUpOnExit = "outcome-stop-follow-up-on-exit";
    public const string EraseCitizenData = "outcome-erase-citizen-data";
    public const string EarnHandoverFee = "payment-earn-handover-fee";
    public const string EarnMilestonePayment = "payment-earn-milestone-payment";
    public const string EarnDeliverableFee = "payment-earn-deliverable-fee";
    public const string CreditRevokedMilestone = "payment-credit-revoked-milestone";
    public const string CreditWronglyEnrolledHandover = "payment-credit-wrongly-enrolled-handover";
    public const string KeepRegisteredPartnership = "payment-keep-registered-partnership";
    public const string KeepAmendedPartnership = "payment-keep-amended-partnership";

    public static IReadOnlyList<string> All { get; } =
    [
        OpenFollowUpOnHandover, StopFollowUpOnExit, EraseCitizenData,
        EarnHandoverFee, EarnMilestonePayment, EarnDeliverableFee, CreditRevokedMilestone, CreditWronglyEnrolledHandover,
        KeepRegisteredPartnership, KeepAmendedPartnership,
    ];
}
