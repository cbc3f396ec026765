namespace Partnerskab.Testing;

/// <summary>
/// A virtual host of its own on the RabbitMQ node tests/run.sh started, for one suite or one
/// in-process service: queues are named by consumer, so two suites sharing a virtual host would
/// take each other's messages.
/// </summary>
public static class TestVirtualHost
{
    public static Task CreateAsync(string name) => InfraScript.RunAsync($"""
        rabbitmq_throwaway_ctl "$1" --quiet add_vhost '{name}'
        rabbitmq_throwaway_ctl "$1" --quiet set_permissions -p '{name}' guest '.*' '.*' '.*'
        """, TestEnvironment.RabbitMqDirectory);

    public static Task DeleteAsync(string name) =>
        InfraScript.RunAsync($"rabbitmq_throwaway_ctl \"$1\" --quiet delete_vhost '{name}'", TestEnvironment.RabbitMqDirectory);
}
