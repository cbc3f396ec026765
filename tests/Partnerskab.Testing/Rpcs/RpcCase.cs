namespace Partnerskab.Testing.Rpcs;

/// <summary>
/// One RPC called with invalid input through a client of type <typeparamref name="TClient"/>, and
/// the fields its BadRequest answer must name. The access tests reuse it: a caller allowed the RPC
/// gets as far as validation.
/// </summary>
public sealed record RpcCase<TClient>(string Rpc, Func<TClient, Task> Call, string[] Fields)
{
    public override string ToString() => Rpc;
}
