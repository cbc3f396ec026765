using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Portal.Reports;

/// <summary>How the charts show a weekly status: its colour, and its place (benefits first, then work and education, unreported last).</summary>
public static class WeeklyStatusColours
{
    private static readonly IReadOnlyDictionary<WeeklyStatus, string> Colours = new Dictionary<WeeklyStatus, string>
    {
        [WeeklyStatus.SicknessBenefit] = "#b2182b",
        [WeeklyStatus.JobClarificationBenefit] = "#ef8a62",
        [WeeklyStatus.OtherPublicBenefit] = "#fddbc7",
        [WeeklyStatus.WorkPlacement] = "#e6c229",
        [WeeklyStatus.FlexJob] = "#92c5de",
        [WeeklyStatus.OrdinaryEmployment] = "#2166ac",
        [WeeklyStatus.Education] = "#1b7837",
        [WeeklyStatus.SelfSupportingOther] = "#5aae61",
        [WeeklyStatus.DisabilityPension] = "#762a83",
        [WeeklyStatus.MovedAway] = "#999999",
        [WeeklyStatus.Deceased] = "#4d4d4d",
        [WeeklyStatus.Unknown] = "#c2a5cf",
        [WeeklyStatus.Unspecified] = "#e0e0e0",
    };

    public static string Of(WeeklyStatus status) => Colours[status];

    public static int Order(WeeklyStatus status) => status switch
    {
        WeeklyStatus.Unspecified => int.MaxValue,
        WeeklyStatus.WorkPlacement => 35, // on benefit while in placement: beside the benefits
        _ => (int)status * 10,
    };
}
