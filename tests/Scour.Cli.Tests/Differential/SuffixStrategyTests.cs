using System.Text;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// Patterns whose every match ends with a literal (<c>[a-z]+ing</c>), which scour confirms by running
/// the reverse DFA back from each occurrence of the literal (<c>ReverseSuffixLineMatcher</c>): lines
/// where the occurrence ends no match, overlapping occurrences, a line with more failing occurrences
/// than the strategy tries before deciding the line forward, an occurrence at a line's start, CRLF
/// lines and Unicode word assertions next to non-ASCII letters. The spans of a repeated class before
/// the literal are found from the literal too (greedy runs past an occurrence, lazy ones, a long run of
/// overlapping occurrences). Each output must be rg 15.2's.
/// </summary>
public sealed class SuffixStrategyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-suffix-" + Guid.NewGuid().ToString("N")[..8]);

    public SuffixStrategyTests()
    {
        Directory.CreateDirectory(_root);
        var failing = string.Concat(Enumerable.Repeat(" ing", 20));
        File.WriteAllText(Path.Combine(_root, "suffix.txt"),
            "singing and ringing\n" +
            "ing at the start\n" +
            "xing\n" +
            "ing\n" +
            "a" + failing + " then going\n" +
            "b" + failing + "\n" +
            "inging\n" +
            "crlf going\r\n" +
            "crlf ing\r\n" +
            "café-ing éing Ωing x\n" +
            "9ing _ing 42ing\n" +
            "tingling singingly ingest inginginging\n" +
            string.Concat(Enumerable.Repeat("ing", 400)) + " long\n" +
            "last doing", new UTF8Encoding(false));
    }

    public static TheoryData<string> Cases => new(
        "-n [a-z]+ing",
        "-c [a-z]+ing",
        "-o -n [a-z]+ing",
        "-n [a-z]+ing$",
        "-n --crlf [a-z]+ing$",
        "-n [a-z]+ing\\b",
        "-n -w [a-z]+ing",
        "-n \\b\\w+ing\\b",
        "-o \\w+ing",
        "-n (?:[a-z]|é)+ing",
        "-n .+ing",
        "-n \\d+ing",
        "-n -v [a-z]+ing",
        "-c [^\\x20]+ing$",
        "-n [a-z]ing\\x20ing",
        "-n \\pL+ing",
        "--count-matches [a-z]+ing",
        "-o -b \\w+ing\\b",
        "-o -b [a-z]{3,}ing",
        "-o -b \\w*ing",
        "-o -b \\w+?ing",
        "-o -b \\pL+ing",
        "-o -b .+ing",
        "-o -r <$1> (\\w+)ing",
        "--vimgrep [a-z]+ing",
        "--count-matches \\w+ing$");

    [OracleTheory("rg")]
    [MemberData(nameof(Cases))]
    public void Matches_as_rg(string commandLine)
    {
        var args = commandLine.Split(' ').Append("suffix.txt").ToArray();
        var scour = ScourBinary.Run(_root, args);
        var rg = CommandRunner.Run(Oracle.Require("rg"), args, _root);
        Assert.True(rg.StdoutText == scour.StdoutText, $"{commandLine}\n--- rg ---\n{rg.StdoutText}\n--- scour ---\n{scour.StdoutText}{scour.Stderr}");
        Assert.Equal(rg.ExitCode, scour.ExitCode);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
