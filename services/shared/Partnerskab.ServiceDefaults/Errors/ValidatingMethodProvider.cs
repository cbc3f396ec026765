using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Partnerskab.ServiceDefaults.Hosting;

namespace Partnerskab.ServiceDefaults.Errors;

/// <summary>
/// Binds a generated gRPC service as grpc-dotnet's own provider does, but with request
/// deserializers that answer InvalidArgument for bytes that are not a valid message. Without it
/// a truncated or garbled request fails before any interceptor runs and the caller sees Unknown.
/// Its response serializers send a response's bytes as they are when the handler kept it as bytes
/// (<see cref="SerializedResponses"/>).
/// </summary>
public sealed class ValidatingMethodProvider<TService> : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var binding = typeof(TService).GetCustomAttribute<BindServiceMethodAttribute>(inherit: true);
        // BindService(ServiceBinderBase, TServiceBase), not its ServerServiceDefinition overload.
        var bindService = binding?.BindType.GetMethods(BindingFlags.Public | BindingFlags.Static).Single(method =>
            method.Name == binding.BindMethodName && method.GetParameters() is [{ ParameterType: var binder }, _] && binder == typeof(ServiceBinderBase));
        bindService?.Invoke(null, [new Binder(context), null]);
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(WithMarshallers(method), [], Invoker<UnaryServerMethod<TService, TRequest, TResponse>>(method, typeof(TRequest)));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(WithMarshallers(method), [],
                Invoker<ClientStreamingServerMethod<TService, TRequest, TResponse>>(method, typeof(IAsyncStreamReader<TRequest>)));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(WithMarshallers(method), [],
                Invoker<ServerStreamingServerMethod<TService, TRequest, TResponse>>(method, typeof(TRequest), typeof(IServerStreamWriter<TResponse>)));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(WithMarshallers(method), [],
                Invoker<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>)));

        // An open-instance delegate to the service's override of the RPC's method.
        private static TDelegate Invoker<TDelegate>(IMethod method, params Type[] parameters) where TDelegate : Delegate
        {
            var implementation = typeof(TService).GetMethod(method.Name, [.. parameters, typeof(ServerCallContext)])
                ?? throw new InvalidOperationException($"{typeof(TService).Name} has no method {method.Name}.");
            return implementation.CreateDelegate<TDelegate>();
        }

        private static Method<TRequest, TResponse> WithMarshallers<TRequest, TResponse>(Method<TRequest, TResponse> method)
        {
            var requests = method.RequestMarshaller;
            var validating = new Marshaller<TRequest>(requests.ContextualSerializer, context =>
            {
                try
                {
                    return requests.ContextualDeserializer(context);
                }
                catch (InvalidProtocolBufferException)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"The request is not a valid {typeof(TRequest).Name} message."));
                }
            });
            var responses = method.ResponseMarshaller;
            var serialized = new Marshaller<TResponse>((response, context) => SerializedResponses.Write(response, context, responses.ContextualSerializer),
                responses.ContextualDeserializer);
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, validating, serialized);
        }
    }
}
