using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// <c>--null-data</c> records holding several lines (as <c>git log -z</c> writes them): rg's <c>^</c> and
/// <c>$</c> also hold at a <c>\n</c> inside a record, so <c>'^Author: '</c> finds its commit. Compared with
/// rg 15.2 in the modes that decide records (spans, <c>-o</c>, are rg's printer's and differ at a
/// record's start; see docs/compatibility.md).
/// </summary>
public sealed class NullDataAnchorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-nul-" + Guid.NewGuid().ToString("N")[..8]);

    public NullDataAnchorTests()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllBytes(Path.Combine(_root, "log.z"),
            "commit 1\nAuthor: Ada\n\n    first\n\0commit 2\nAuthor: Bob\n\n    second line\n    more\n\0a\nb\0c d\0x\n\ny\0"u8.ToArray());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string> Cases => new(
    [
        "-c '^Author: Bob'", "-n '^Author'", "-c 'Ada$'", "-c '^$'", "-c '^'", "-c '^b'", "-c 'a$'", "-c '^\\w$'",
        "-x -c b", "-x -c 'Author: Ada'", "-c -v '^commit'", "-l '^    more$'", "-c '^(b|y)$'", "-c -w '^c'",
        "-c -i '^author: ada$'", "--count-matches '^commit'", "-c -F -x 'commit 2'", "-c '\\d$'",
    ]);

    [OracleTheory("rg")]
    [MemberData(nameof(Cases))]
    public void Same_as_rg(string commandLine)
    {
        string[] args = ["--null-data", .. ArgSplitter.Split(commandLine), "log.z"];
        var rg = CommandRunner.Run(Oracle.Require("rg"), args, _root);
        var scour = ScourBinary.Run(_root, args);
        Assert.Equal(rg.StdoutEscaped, scour.StdoutEscaped);
        Assert.Equal(rg.ExitCode, scour.ExitCode);
    }
}
