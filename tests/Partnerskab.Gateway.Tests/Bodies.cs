namespace Partnerskab.Gateway.Tests;

/// <summary>Request bodies several tests send, as a kommune system would write them.</summary>
public static class Bodies
{
    /// <summary>A valid partnership agreement; the capacity tells two versions of it apart.</summary>
    public static string Partnership(string reference, int capacity) => $$"""
        { "reference": "{{reference}}", "name": "Gateway test partnership", "kommune": { "name": "K", "cvr": "29189757", "ean": "5798000420526" },
          "provider": { "name": "P", "cvr": "12345678" }, "investor": { "name": "I" },
          "contractStart": "2023-03-01", "contractEnd": "2025-03-31",
          "cohortCapacity": {{capacity}}, "followUpMonths": 24,
          "handoverWindowStart": "2023-03-01", "handoverWindowEnd": "2023-06-30",
          "eligibility": { "minWeeksSickListed": 26, "allowedBenefitTypes": ["BENEFIT_TYPE_SICKNESS_BENEFIT"] } }
        """;
}
