using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Forms;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>
/// The services' refusals of a whole request (a gRPC status's message: not found, a refused
/// precondition, a conflict, no right to do it) in Danish: every message the services give has a
/// Danish resource "Refusal: {English template}".
/// </summary>
public sealed partial class RefusalTextTests
{
    /// <summary>The claim lifecycle's refusals as it words them; the claim decisions put "Claim {id} " before each.</summary>
    private static readonly string[] ClaimRefusals =
    [
        "was {0} and cannot be verified.",
        "was already rejected for another reason: {0}",
        "was verified; a verified outcome is revoked, not rejected.",
        "is {0}; only a verified claim is corrected.",
        "was already revoked for another reason: {0}",
        "is {0}; only a verified claim is revoked (an unverified one is rejected).",
    ];

    /// <summary>Where a message is not written at the call but comes from elsewhere: the wordings each such expression can give.</summary>
    private static readonly Dictionary<string, string[]> Indirect = new(StringComparer.Ordinal)
    {
        // Passed on from EnsureMayActFor's callers; those calls are read as the others are.
        ["notFound"] = [],
        ["$\"Claim {claimId} {refused.Why}\""] = [.. ClaimRefusals.Select(why => "Claim {0} " + Shifted(why))],
        ["$\"{document.Kind} {document.Number} cannot be sent as a Peppol e-invoice: {string.Join(\"; \", problems)}\""] =
            ["{0} {1} cannot be sent as a Peppol e-invoice: {2}"],
        // The payment service's period rules (PeriodClosing), given on by closing and reopening; the
        // investor's repayment rule (InvestorPosition), given on by recording a cash flow.
        ["refusal"] =
        [
            "The period {0} to {1} has not been invoiced yet (invoice runs reach {2}): run its invoices before closing it.",
            "The period {0} to {1} has not been invoiced yet (no invoice run yet): run its invoices before closing it.",
            "The following period, {0} to {1}, is closed: reopen it first.",
            "The period lies in the closed period {0} to {1}: reopen that first.",
            "Capital repaid by {0} would be {1} øre, more than the {2} øre drawn by then; a payment to the investor beyond its capital is a return.",
        ],
    };

    [Fact]
    public void Every_refusal_the_services_give_has_a_Danish_text()
    {
        var found = RefusalsInServices().ToList();
        found.Count.ShouldBeGreaterThan(40);
        ViolationTextTests.ShouldAllBeKnown(found.Select(f => (f.File, f.Expression, f.Templates is not null)));
        var templates = found.SelectMany(f => f.Templates!).Distinct().ToList();
        ViolationTextTests.ShouldAllHaveDanishTexts(templates, ViolationText.RefusalKeyPrefix);
        ViolationTextTests.DanishTemplates(ViolationText.RefusalKeyPrefix).Keys.Except(templates)
            .ShouldBeEmpty("a Danish text of a refusal no service gives any longer");
    }

    [Fact]
    public void The_claim_refusals_listed_here_are_the_ones_the_claim_lifecycle_gives()
    {
        var lifecycle = ViolationTextTests.ServiceFiles().Single(f => f.File == "ClaimLifecycle.cs").Source;

        Calls(lifecycle, RefusedCall(), argument: 0).Select(ViolationTextTests.Template).ShouldBe(ClaimRefusals, ignoreOrder: true);
    }

    [Fact]
    public void A_refusal_reads_in_Danish_on_a_Danish_page_and_as_the_service_gave_it_on_an_English_page()
    {
        var localizer = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("da-DK");
            ViolationText.LocalizeRefusal("Claim 7 was rejected and cannot be verified.", localizer, CultureInfo.CurrentUICulture)
                .ShouldBe("Kravet 7 er afvist eller tilbagekaldt og kan ikke godkendes.");
            ViolationText.LocalizeRefusal("The cohort is full: 130 of 130 places are taken.", localizer, CultureInfo.CurrentUICulture)
                .ShouldBe("Der er ikke flere pladser: 130 af 130 pladser er optaget.");
            ViolationText.LocalizeRefusal("A refusal no resource knows.", localizer, CultureInfo.CurrentUICulture).ShouldBe("A refusal no resource knows.");
            ServiceRefusal.Problems(new RpcException(new Status(StatusCode.FailedPrecondition, "Rate card version 2 has no payee account; invoices cannot be issued without one.")),
                localizer).ShouldBe(["Takstblad version 2 har ingen betalingskonto; der kan ikke udstedes fakturaer uden en."]);

            CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
            ViolationText.LocalizeRefusal("Partnership 42 does not exist.", localizer, CultureInfo.CurrentUICulture).ShouldBe("Partnership 42 does not exist.");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Each message a status of the services carries: its templates when written at the call or known to <see cref="Indirect"/>, else null.</summary>
    private static IEnumerable<(string File, string Expression, IReadOnlyList<string>? Templates)> RefusalsInServices() =>
        from file in ViolationTextTests.ServiceFiles()
        from expression in Calls(file.Source, DomainExceptionCall(), argument: 0)
            .Concat(Calls(file.Source, StatusCall(), argument: 1))
            .Concat(Calls(file.Source, EnsureMayActForCall(), argument: 2))
        select (file.File, expression, Indirect.TryGetValue(expression, out var indirect)
            ? indirect
            : ViolationTextTests.Template(expression) is { } template ? (IReadOnlyList<string>?)[template] : null);

    /// <summary>The given argument of each call the pattern finds (the pattern ends at or before the call's opening parenthesis), white space folded.</summary>
    private static IEnumerable<string> Calls(string source, Regex call, int argument) =>
        call.Matches(source)
            .Select(m => Arguments(source, source.IndexOf('(', m.Index)))
            .Where(arguments => arguments.Count > argument)
            .Select(arguments => Regex.Replace(arguments[argument].Trim(), @"\s+", " "));

    /// <summary>The arguments of the call whose opening parenthesis is at <paramref name="open"/>, split at its own commas (not those in strings or brackets).</summary>
    private static List<string> Arguments(string source, int open)
    {
        var (arguments, current, depth, inString) = (new List<string>(), new System.Text.StringBuilder(), 0, false);
        for (var i = open; i < source.Length; i++)
        {
            var c = source[i];
            if (inString)
            {
                current.Append(c);
                if (c == '\\') current.Append(source[++i]);
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            if (c is '(' or '[' or '{' && ++depth == 1) continue;
            if (c is ')' or ']' or '}' && --depth == 0)
            {
                arguments.Add(current.ToString());
                return arguments;
            }
            if (c == ',' && depth == 1)
            {
                arguments.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        return arguments;
    }

    /// <summary>A template's placeholders one higher: "was {0}" as "was {1}".</summary>
    private static string Shifted(string template) =>
        PlaceholderNumber().Replace(template, m => $"{{{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1}}}");

    [GeneratedRegex(@"\bDomainException\.(?:NotFound|AlreadyExists|FailedPrecondition)\(")]
    private static partial Regex DomainExceptionCall();

    [GeneratedRegex(@"\bnew (?:Grpc\.Core\.)?Status\(\s*StatusCode\.\w+")]
    private static partial Regex StatusCall();

    [GeneratedRegex(@"\.EnsureMayActFor\(")]
    private static partial Regex EnsureMayActForCall();

    [GeneratedRegex(@"\bnew Refused\(")]
    private static partial Regex RefusedCall();

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex PlaceholderNumber();
}
