namespace Partnerskab.Tokens;

/// <summary>The roles a token can carry; a call is allowed when any of its roles may make it.</summary>
public static class SuiteRoles
{
    /// <summary>A kommune system: pushes cohort data and register statuses, verifies outcome claims.</summary>
    public const string Kommune = "kommune";

    /// <summary>The provider: reports outcomes, statuses and deliverables for citizens handed to it.</summary>
    public const string Provider = "provider";

    /// <summary>Finance: rate cards, invoice runs, reconciliation, cost reports.</summary>
    public const string Finance = "finance";

    /// <summary>The partnership's steering committee: aggregate reports only.</summary>
    public const string Committee = "committee";

    /// <summary>The social investor: aggregate reports only.</summary>
    public const string Investor = "investor";

    /// <summary>Reads the audit log.</summary>
    public const string Auditor = "auditor";

    /// <summary>Runs the suite: triggers the personal data lifecycle job.</summary>
    public const string Operator = "operator";

    /// <summary>One of the suite's own services calling another; only services' own keys may sign it.</summary>
    public const string Service = "service";

    /// <summary>The roles people and outside systems get from the token tool.</summary>
    public static IReadOnlyList<string> Outside { get; } = [Kommune, Provider, Finance, Committee, Investor, Auditor, Operator];
}

/// <summary>Claim names of the suite's tokens.</summary>
public static class SuiteClaims
{
    public const string Subject = "sub";
    public const string Role = "role";

    /// <summary>The CVR number of the organisation the caller acts for.</summary>
    public const string Organisation = "org";

    /// <summary>The partnership ids the caller may act for, one claim each, or <see cref="AllPartnerships"/>.</summary>
    public const string Partnership = "partnership";

    /// <summary>Every partnership: for the suite's own services and for operators of the whole suite.</summary>
    public const string AllPartnerships = "*";
}
