namespace Partnerskab.Operations;

/// <summary>A message MassTransit parked in an endpoint's error queue after its retries, with the reason it gave and how often it was retried.</summary>
public sealed record ParkedMessage(
    string Queue, Guid? MessageId, string? MessageType, string? Reason, string? ExceptionType, string? FaultedAt, string? Retries);
