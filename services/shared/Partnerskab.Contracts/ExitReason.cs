using System.Text.Json.Serialization;

namespace Partnerskab.Contracts;

/// <summary>Why a citizen left the cohort before the end of the follow-up. On the wire it is the name, e.g. "MovedAway".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExitReason>))]
public enum ExitReason
{
    MovedAway = 1,
    Deceased = 2,
    DisabilityPension = 3,
    Withdrew = 4,
    /// <summary>Should never have been handed over: the place in the cohort is freed and nothing earned for the citizen stands.</summary>
    WronglyEnrolled = 5,
}
