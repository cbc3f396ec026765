using Google.Api;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Partnerskab.Gateway.Routing;

/// <summary>
/// One REST route of an RPC, read from its google.api.http annotation: the HTTP method, the path
/// template (AIP style: "/v1/partnerships/{partnership_id}", custom methods as ":verb") and
/// whether the request has a JSON body.
/// </summary>
public sealed record RestRoute(string HttpMethod, string PathTemplate, bool HasBody, MethodDescriptor Rpc)
{
    /// <summary>Every route of every unary RPC of the services, additional bindings included.</summary>
    public static IEnumerable<RestRoute> Of(ServiceDescriptor service) =>
        from method in service.Methods
        let rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http)
        where rule is not null
        from binding in new[] { rule }.Concat(rule.AdditionalBindings)
        select From(binding, method);

    private static RestRoute From(HttpRule rule, MethodDescriptor rpc) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => new("GET", rule.Get, false, rpc),
        HttpRule.PatternOneofCase.Post => new("POST", rule.Post, rule.Body != "", rpc),
        HttpRule.PatternOneofCase.Put => new("PUT", rule.Put, rule.Body != "", rpc),
        HttpRule.PatternOneofCase.Patch => new("PATCH", rule.Patch, rule.Body != "", rpc),
        HttpRule.PatternOneofCase.Delete => new("DELETE", rule.Delete, rule.Body != "", rpc),
        _ => throw new InvalidOperationException($"{rpc.FullName}: only GET, POST, PUT, PATCH and DELETE routes are supported."),
    };

    /// <summary>Whether the call changes something (and so takes an Idempotency-Key).</summary>
    public bool IsWrite => HttpMethod != "GET";
}
