namespace Partnerskab.Messaging.Inbox;

/// <summary>How an inbox consumer splits a batch of messages into transactions.</summary>
public static class InboxTransactions
{
    /// <summary>
    /// The messages in arrival order, in groups of at most <paramref name="maxItems"/> items
    /// (<paramref name="itemsOf"/> a message); a message with more items is a group of its own.
    /// </summary>
    public static IEnumerable<List<T>> Group<T>(IEnumerable<T> messages, Func<T, int> itemsOf,
        int maxItems = InboxConsumerRegistration.MaxItemsPerTransaction)
    {
        var group = new List<T>();
        var items = 0;
        foreach (var message in messages)
        {
            var count = itemsOf(message);
            if (group.Count > 0 && items + count > maxItems)
            {
                yield return group;
                group = [];
                items = 0;
            }
            group.Add(message);
            items += count;
        }
        if (group.Count > 0) yield return group;
    }
}
