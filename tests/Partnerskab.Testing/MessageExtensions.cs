using Google.Protobuf;

namespace Partnerskab.Testing;

public static class MessageExtensions
{
    /// <summary>A changed copy of a protobuf message, as `with` is for records.</summary>
    public static T With<T>(this T message, Action<T> change) where T : IMessage<T>, IDeepCloneable<T>
    {
        var copy = message.Clone();
        change(copy);
        return copy;
    }
}
