using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Partnerskab.Portal.Forms;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>The sentences the business case gives instead of an estimate, in Danish on a Danish page.</summary>
public sealed class ReasonTextTests
{
    /// <summary>The outcome service's reasons (BusinessCaseEstimate.ReasonWithoutEstimate), as templates.</summary>
    private static readonly string[] Reasons =
    [
        "No benefit rate is entered for {0}, so the weeks on benefit cannot be weighed.",
        "The comparison group has {0} citizens with a month observed; at least {1} are needed to say anything about the difference.",
        "No month since start the expected curve has a share for has been completed by citizens of the cohort.",
        "No month since start has been completed by citizens of both the cohort and the comparison group.",
        "The cohort has had no week on benefit, so a week saved against the expected curve has no cost to be weighed at.",
    ];

    [Fact]
    public void Every_reason_listed_here_is_worded_so_by_the_business_case_and_has_a_Danish_text()
    {
        var source = ViolationTextTests.ServiceFiles().Single(f => f.File == "BusinessCaseEstimate.cs").Source;
        foreach (var reason in Reasons)
        {
            foreach (var part in System.Text.RegularExpressions.Regex.Split(reason, @"\{\d+\}").Where(p => p.Length > 0))
            {
                source.ShouldContain(part, Case.Sensitive, $"the business case no longer words \"{reason}\" so");
            }
        }
        ViolationTextTests.ShouldAllHaveDanishTexts(Reasons, ViolationText.ReasonKeyPrefix);
        ViolationTextTests.DanishTemplates(ViolationText.ReasonKeyPrefix).Keys.Except(Reasons).ShouldBeEmpty("a Danish text of a reason not listed here");
    }

    [Fact]
    public void A_reason_reads_in_Danish_with_its_values_and_as_the_service_gave_it_in_English()
    {
        var localizer = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));
        var reason = "The comparison group has 12 citizens with a month observed; at least 30 are needed to say anything about the difference.";

        ViolationText.LocalizeReason(reason, localizer, new CultureInfo("da-DK"))
            .ShouldBe("Sammenligningsgruppen har 12 borgere med en observeret måned; der skal mindst 30 til, før der kan siges noget om forskellen.");
        ViolationText.LocalizeReason(reason, localizer, new CultureInfo("en-GB")).ShouldBe(reason);
        ViolationText.LocalizeReason("A reason no resource knows.", localizer, new CultureInfo("da-DK")).ShouldBe("A reason no resource knows.");
    }
}
