using Google.Api;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace Partnerskab.ServiceDefaults.Calling;

/// <summary>
/// The calls of a service that only read, tried again when the instance that got them was unavailable: with several
/// instances the next attempt goes to the next one. A read is a method whose HTTP rule is a GET (the same rule that makes
/// it safe to repeat over REST); a write is not tried again, since an instance that failed it may have carried it out.
/// </summary>
public static class ReadRetries
{
    /// <summary>Attempts of a read in all, the first included.</summary>
    public const int Attempts = 3;

    public static MethodConfig For(ServiceDescriptor service)
    {
        var reads = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = Attempts,
                InitialBackoff = TimeSpan.FromMilliseconds(100),
                MaxBackoff = TimeSpan.FromSeconds(1),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        };
        foreach (var method in service.Methods.Where(IsRead)) reads.Names.Add(new MethodName { Service = service.FullName, Method = method.Name });
        return reads;
    }

    /// <summary>Whether the method only reads: its HTTP rule is a GET.</summary>
    public static bool IsRead(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { PatternCase: HttpRule.PatternOneofCase.Get };
}
