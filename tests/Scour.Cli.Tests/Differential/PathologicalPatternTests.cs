using System.Text;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// Patterns that make backtracking engines take exponential time, over long lines: the byte automata
/// (lazy DFAs for lines and spans, the PikeVM for groups) must give rg 15.2's output, in time linear in
/// the input. No time is asserted; a run that went exponential would not finish.
/// </summary>
public sealed class PathologicalPatternTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-patho-" + Guid.NewGuid().ToString("N")[..8]);

    public PathologicalPatternTests()
    {
        Directory.CreateDirectory(_root);
        var words = new StringBuilder();
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            words.Append(new string('a', random.Next(1, 8))).Append(' ');
        }

        // A 'b' first, so that a literal prefilter cannot skip the long line.
        File.WriteAllText(Path.Combine(_root, "a.txt"), "b" + new string('a', 200_000) + "\n");
        File.WriteAllText(Path.Combine(_root, "x.txt"), "y" + new string('x', 100_000) + "\n");
        File.WriteAllText(Path.Combine(_root, "w.txt"), words + "!\n");
        File.WriteAllText(Path.Combine(_root, "l.txt"), string.Concat(Enumerable.Repeat(new string('ж', 700) + " ", 30)) + "\n");
    }

    [OracleTheory("rg")]
    [InlineData("(a*)*b", "a.txt")]
    [InlineData("(?:a|a)*b", "a.txt")]
    [InlineData("(?:a|a)*x", "a.txt")]
    [InlineData("(x+x+)+y", "x.txt")]
    [InlineData("(\\w+\\s?)*$", "w.txt")]
    [InlineData("\\p{L}{500}", "l.txt")]
    public void Pathological_patterns_give_rgs_output(string pattern, string file)
    {
        var rg = Oracle.Require("rg");
        string[][] modes = [["-c"], ["-o", "-b"], ["-r", "<$1>"]];
        foreach (var mode in modes)
        {
            string[] args = [.. mode, "--", pattern, file];
            var ours = ScourBinary.Run(_root, args);
            var theirs = CommandRunner.Run(rg, args, _root);
            Assert.Equal(theirs.ExitCode, ours.ExitCode);
            Assert.True(theirs.Stdout.AsSpan().SequenceEqual(ours.Stdout), $"{string.Join(' ', args)}: the output differs from rg's ({ours.Stdout.Length} bytes, rg {theirs.Stdout.Length})");
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
