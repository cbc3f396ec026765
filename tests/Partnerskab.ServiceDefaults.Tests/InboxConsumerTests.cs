using System.Security.Cryptography;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Partnerskab.Messaging;
using Partnerskab.Messaging.Inbox;
using Partnerskab.ServiceDefaults.Persistence;
using Partnerskab.Testing;

namespace Partnerskab.ServiceDefaults.Tests;

/// <summary>
/// <see cref="InboxConsumer{TMessage,TDb}"/> on a real PostgreSQL, fed batches by MassTransit's
/// in-memory test harness (the transport is not what is tested here), with a consumer that keeps
/// state from its prepare to its save as the ledger and follow-up consumers do.
/// </summary>
public sealed class InboxConsumerTests : IAsyncLifetime
{
    private readonly string connectionString =
        $"{TestEnvironment.PostgresConnectionString};Database=inbox_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    public async Task InitializeAsync()
    {
        await using var db = new NotesDb(connectionString);
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await using var db = new NotesDb(connectionString);
        await db.Database.EnsureDeletedAsync();
    }

    [Fact]
    public async Task A_duplicate_in_a_batch_whose_transaction_failed_writes_nothing_of_what_the_failed_attempt_staged()
    {
        var duplicate = Guid.NewGuid();
        await using (var db = new NotesDb(connectionString))
        {
            db.Add(new InboxMessage { MessageId = duplicate, Consumer = nameof(NoteConsumer), ReceivedAt = SystemClock.Instance.GetCurrentInstant() });
            await db.SaveChangesAsync();
        }
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClock>(SystemClock.Instance)
            .AddScoped(_ => new NotesDb(connectionString))
            .AddMassTransitTestHarness(bus => bus.AddConsumer<NoteConsumer>(consumer => consumer.Options<BatchOptions>(batch => batch
                .SetMessageLimit(3)
                .SetTimeLimit(TimeSpan.FromSeconds(5)))))
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        // The group attempt stages "kept" and "partial" and then fails on "refused"; handled one at a
        // time, the duplicate's transaction comes first and finds the failed attempt's staged notes.
        await harness.Bus.Publish(new Note(["again"]), c => c.MessageId = duplicate);
        await harness.Bus.Publish(new Note(["kept"]));
        await harness.Bus.Publish(new Note(["partial", NoteConsumer.Refused]));

        // A failed batch faults its messages once its consumer has returned.
        (await Poll.UntilAsync(() => harness.Published.Select<Fault<Note>>().Any(), TimeSpan.FromSeconds(30)))
            .ShouldBeTrue("the batch holding a refused note failed");
        await using var read = new NotesDb(connectionString);
        (await read.Notes.Select(n => n.Text).ToListAsync()).ShouldBe(["kept"],
            "only the message that could be handled wrote its note, once; the failed one's first note was not written by the duplicate's transaction");
        (await read.Set<InboxMessage>().CountAsync()).ShouldBe(2, "the duplicate's row from before and the handled message's");
    }

    public sealed record Note(string[] Texts);

    public sealed class WrittenNote
    {
        public int Id { get; set; }
        public required string Text { get; set; }
    }

    private sealed class NotesDb(string connectionString) : DbContext
    {
        public DbSet<WrittenNote> Notes => Set<WrittenNote>();

        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UsePartnerskabConventions(connectionString);

        protected override void OnModelCreating(ModelBuilder model) => model.AddOutboxAndInbox().Entity<WrittenNote>().ToTable("notes");
    }

    /// <summary>Stages a message's notes in memory from its batch's prepare on and writes them at the save, as the ledger consumer does its items.</summary>
    private sealed class NoteConsumer(NotesDb db, IClock clock, ILogger<NoteConsumer> logger) : InboxConsumer<Note, NotesDb>(db, clock, logger)
    {
        public const string Refused = "refused";
        private List<string>? staged;

        protected override bool SavesOncePerBatch => true;

        protected override Task PrepareAsync(IReadOnlyList<ConsumeContext<Note>> messages, CancellationToken cancellationToken)
        {
            staged = [];
            return Task.CompletedTask;
        }

        protected override Task HandleAsync(ConsumeContext<Note> context, CancellationToken cancellationToken)
        {
            foreach (var text in context.Message.Texts)
            {
                if (text == Refused) throw new InvalidOperationException("a note this consumer refuses");
                staged!.Add(text);
            }
            return Task.CompletedTask;
        }

        protected override async Task SaveAsync(CancellationToken cancellationToken)
        {
            Db.Notes.AddRange(staged!.Select(text => new WrittenNote { Text = text }));
            await base.SaveAsync(cancellationToken);
        }
    }
}
