namespace Partnerskab.Testing.Load;

/// <summary>One call of a load as its caller saw it: from the first attempt to the answer, retries included.</summary>
public sealed record CallTiming(DateTime Began, DateTime Ended, int Attempts)
{
    public TimeSpan Took => Ended - Began;
}
