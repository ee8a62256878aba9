using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// <c>--stop-on-nonmatch</c> with context, <c>--passthru</c>, <c>-v</c> and <c>-m</c>, through both of rg's
/// searchers (its own engine takes the fast line-by-line one, <c>-P</c> the slow one), against rg 15.2.
/// With <c>-v</c>, <c>-m</c> and context, rg's slow searcher prints every line after the last counted one
/// as a match, each starting the window again (docs/compatibility.md).
/// </summary>
public sealed class StopOnNonmatchTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-stop-" + Guid.NewGuid().ToString("N")[..8]);

    private static readonly string[] Files = ["s.txt", "s2.txt", "s3.txt", "short.txt"];

    public StopOnNonmatchTests()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "s.txt"), "a\nfoo1\nfoo2\nb\nc\nfoo3\n");
        File.WriteAllText(Path.Combine(_root, "s2.txt"), "foo0\nfoo1\na\nfoo2\nb\nc\nfoo3\n");
        File.WriteAllText(Path.Combine(_root, "s3.txt"), "foo0\na\nb\n");
        File.WriteAllText(Path.Combine(_root, "short.txt"), "x\na\nb\nc\nd\ne\n"); // rg's first read ends after "x\n"
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string> Cases => new(
    [
        "", "-A1", "-A2", "-C1", "-B1", "--passthru", "-c", "-A1 -m1", "-A2 -m1", "-A1 -m2", "--passthru -m1",
        "-v", "-v -A1", "-v -B1", "-v -C2", "-v --passthru", "-v -m1", "-v -c", "--json -A1",
        "-v -A1 -m1", "-v -A2 -m2", "-v -A2 -m3", "-v --passthru -m1", "-v -A1 -m1 -c",
    ]);

    [OracleTheory("rg")]
    [MemberData(nameof(Cases))]
    public void Same_as_rg(string flags) => Compare(flags, "^foo");

    // A later -U turns --stop-on-nonmatch off (as rg's flags override each other), also for a pattern
    // that cannot match a line end (which Scour then searches line by line).
    [OracleTheory("rg")]
    [InlineData("-U")]
    [InlineData("-U -A1")]
    [InlineData("-U -v")]
    [InlineData("-U --passthru")]
    public void Multiline_does_not_stop(string flags) => Compare(flags, "foo");

    private void Compare(string flags, string pattern)
    {
        foreach (var engine in new[] { "", "-P" })
        {
            foreach (var file in Files)
            {
                string[] args = ["--stop-on-nonmatch", "-n", .. flags.Split(' ', StringSplitOptions.RemoveEmptyEntries), .. engine.Length > 0 ? [engine] : Array.Empty<string>(), pattern, file];
                var rg = CommandRunner.Run(Oracle.Require("rg"), args, _root);
                var scour = ScourBinary.Run(_root, args);
                Assert.True(RgDifferentialTests.Normalize(rg.StdoutText) == RgDifferentialTests.Normalize(scour.StdoutText),
                    $"{string.Join(' ', args)}\nrg:\n{rg.StdoutText}\nscour:\n{scour.StdoutText}");
                Assert.Equal(rg.ExitCode, scour.ExitCode);
            }
        }
    }
}
