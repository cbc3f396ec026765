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

    [Fact]
    public async Task The_protos_make_no_breaking_change_against_main()
    {
        // In a clone of main this compares main with itself; on a branch or with uncommitted
        // proto edits it catches renumbered, removed or retyped fields before they land.
        var (exitCode, output) = await Repository.RunAsync(Buf, Repository.PathOf("protos"),
            "breaking", "--against", $"{Repository.Root}/.git#branch=main,subdir=protos");
        exitCode.ShouldBe(0, output);
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
