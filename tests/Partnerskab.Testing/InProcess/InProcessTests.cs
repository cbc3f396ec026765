using Xunit;

namespace Partnerskab.Testing.InProcess;

/// <summary>A test class over an in-process service: every test starts on empty tables.</summary>
public abstract class InProcessTests(Func<Task> reset) : IAsyncLifetime
{
    public Task InitializeAsync() => reset();

    public Task DisposeAsync() => Task.CompletedTask;
}
