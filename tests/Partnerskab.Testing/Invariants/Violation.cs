namespace Partnerskab.Testing.Invariants;

/// <summary>One broken invariant, with what broke it.</summary>
public sealed record Violation(string Invariant, string Detail)
{
    public override string ToString() => $"{Invariant}: {Detail}";
}
