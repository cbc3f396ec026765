namespace Partnerskab.RepositoryTests;

public sealed class ProtoStyleTests
{
    private static string Buf => Environment.GetEnvironmentVariable("PARTNERSKAB_BUF") is { Length: > 0 } path
        ? path
        : throw new InvalidOperationException("PARTNERSKAB_BUF is not set: run the tests through tests/run.sh, which installs the buf CLI.");

    [Fact]
    public async Task The_protos_pass_buf_lint()
    {
        var (exitCode, output) = await Repository.RunAsync(Buf, Repository.PathOf("protos"), "lint");
        exitCode.ShouldBe(0, output);
    }

    /// <summary>The released API: a buf image of the protos, rebuilt on purpose when a release is made (docs/development.md).</summary>
    private const string Released = "released-image.binpb";

    [Fact]
    public async Task The_protos_make_no_breaking_change_against_the_released_api()
    {
        var (exitCode, output) = await Repository.RunAsync(Buf, Repository.PathOf("protos"), "breaking", "--against", Released);
        exitCode.ShouldBe(0, output);
    }

    [Fact]
    public async Task Buf_breaking_can_fail()
    {
        // A copy of the protos without a field the released API has must be refused.
        var dir = Directory.CreateTempSubdirectory("buf-breaking-");
        try
        {
            CopyDirectory(Repository.PathOf("protos"), dir.FullName);
            var proto = Path.Combine(dir.FullName, "partnerskab", "payment", "v1", "payment_service.proto");
            var text = File.ReadAllText(proto);
            text.ShouldContain("  int64 net_amount_ore = 10;\n");
            File.WriteAllText(proto, text.Replace("  int64 net_amount_ore = 10;\n", ""));
            var (exitCode, output) = await Repository.RunAsync(Buf, dir.FullName, "breaking", "--against", Released);
            exitCode.ShouldNotBe(0);
            output.ShouldContain("net_amount_ore");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public async Task Buf_lint_can_fail()
    {
        // A check that cannot fail proves nothing: a badly styled proto must be refused.
        var dir = Directory.CreateTempSubdirectory("buf-lint-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "buf.yaml"), "version: v2\nlint:\n  use:\n    - STANDARD\n");
            Directory.CreateDirectory(Path.Combine(dir.FullName, "bad", "v1"));
            File.WriteAllText(Path.Combine(dir.FullName, "bad", "v1", "bad.proto"),
                "syntax = \"proto3\";\npackage bad.v1;\nenum colour { RED = 0; }\nservice thing { rpc get(colour_msg) returns (colour_msg); }\nmessage colour_msg { int32 Value = 1; }\n");
            var (exitCode, output) = await Repository.RunAsync(Buf, dir.FullName, "lint");
            exitCode.ShouldNotBe(0);
            output.ShouldContain("Enum zero value name \"RED\" should be suffixed with \"_UNSPECIFIED\"");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
