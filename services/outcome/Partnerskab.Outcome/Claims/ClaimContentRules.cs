using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.Claims;

/// <summary>The checks of what a provider claims and the kommune may correct.</summary>
public static class ClaimContentRules
{
    public static ClaimContent Valid(RequestValidator v, Google.Type.Date? outcomeDate, int hoursPerWeekHundredths, string employerCvr, string evidenceReference)
    {
        var date = v.Date(outcomeDate, "outcome_date");
        v.Check(hoursPerWeekHundredths is >= 0 and <= 168_00, "hours_per_week_hundredths", "must be between 0 and 16800 (168 hours)");
        if (employerCvr.Length > 0) v.Digits(employerCvr, "employer_cvr", 8);
        var evidence = v.Text(evidenceReference, "evidence_reference");
        return new ClaimContent(date, hoursPerWeekHundredths, employerCvr, evidence);
    }

    /// <summary>A job start needs its hours and the employer's CVR number.</summary>
    public static void ValidForKind(RequestValidator v, OutcomeKind kind, ClaimContent content)
    {
        if (kind != OutcomeKind.JobStart) return;
        v.Check(content.HoursPerWeekHundredths > 0, "hours_per_week_hundredths", "is required for a job start");
        if (content.EmployerCvr.Length == 0) v.Digits(content.EmployerCvr, "employer_cvr", 8);
    }
}
