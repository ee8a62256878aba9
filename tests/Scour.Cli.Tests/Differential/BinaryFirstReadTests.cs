using System.Text.RegularExpressions;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// Walked files with a NUL in their first 64 KiB and a first line (or lines) that end within the first
/// three bytes: rg's decoding reader hands those three bytes over as a read of their own, so such lines
/// are searched (and print) before the NUL is seen, also when the search then quits on binary data;
/// and what a binary quit after a match does to the counting modes.
/// Elapsed times are blanked before comparing.
/// </summary>
public sealed partial class BinaryFirstReadTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-first-read-" + Guid.NewGuid().ToString("N")[..8]);

    public BinaryFirstReadTests()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllBytes(Path.Combine(_root, "empty-first.c"), "\na.b\nfoo\nbar\0baz\n"u8.ToArray());
        File.WriteAllBytes(Path.Combine(_root, "short-first.c"), "x\na.b\nfoo\nbar\0baz\n"u8.ToArray());
        File.WriteAllBytes(Path.Combine(_root, "crlf-first.c"), "x\r\nfoo\0"u8.ToArray());
        File.WriteAllBytes(Path.Combine(_root, "three-lines.c"), "\n\n\nfoo\0"u8.ToArray());
        File.WriteAllBytes(Path.Combine(_root, "long-first.c"), "a.b\n\nfoo\nbar\0baz\n"u8.ToArray());
        File.WriteAllBytes(Path.Combine(_root, "nul-early.c"), "x\0\nfoo\n"u8.ToArray());
        File.WriteAllBytes(Path.Combine(_root, "bom.c"), [0xEF, 0xBB, 0xBF, .. "x\nfoo\0"u8]);
        File.WriteAllBytes(Path.Combine(_root, "short-text.txt"), "x\na\nb\nc\nd\ne\n"u8.ToArray());
        File.WriteAllBytes(Path.Combine(_root, "late-nul.c"), [.. "x\n"u8, .. Enumerable.Repeat((byte)'y', 70_000), .. "\n\0\n"u8]);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [OracleTheory("rg")]
    [InlineData("^$")]
    [InlineData("x")]
    [InlineData("-n", "^")]
    [InlineData("-v", "zzz")]
    [InlineData("-c", "^$")]
    [InlineData("--binary", "x")]
    [InlineData("--binary", "^$")]
    [InlineData("--json", "x")]
    [InlineData("--json", "--binary", "^$")]
    [InlineData("--stats", "-n", "x")]
    [InlineData("-E", "latin1", "x")] // decoded, the first three bytes are still a read of their own
    [InlineData("-E", "sjis", "-n", "^$")]
    // A binary quit after a match makes the file one without a match, where the mode reads that far
    // (--files-without-match always, -l and -q with --stats): nothing printed, and the exit code follows.
    [InlineData("-g", "late-nul.c", "--files-without-match", "x")]
    [InlineData("-g", "late-nul.c", "-q", "--files-without-match", "x")]
    [InlineData("-g", "late-nul.c", "-l", "--stats", "x")]
    [InlineData("-g", "late-nul.c", "-q", "--stats", "x")]
    [InlineData("-g", "late-nul.c", "-q", "--json", "x")]
    [InlineData("-g", "late-nul.c", "-l", "x")]
    [InlineData("-g", "short-first.c", "--files-without-match", "x")]
    // -v after -m's last line, where rg's first read ends: its next buffer starts the window again.
    [InlineData("-g", "short-text.txt", "-n", "-v", "-m1", "-A2", "zzz")]
    [InlineData("-g", "short-text.txt", "-n", "-v", "-m2", "-A1", "zzz")]
    [InlineData("-g", "short-text.txt", "-n", "-v", "-m1", "-A2", "-P", "zzz")]
    public void Same_as_rg(params string[] args)
    {
        string[] full = [.. args, "--sort", "path"];
        var rg = CommandRunner.Run(Oracle.Require("rg"), full, _root);
        var scour = ScourBinary.Run(_root, full);
        Assert.Equal(Blank(rg.StdoutText), Blank(scour.StdoutText));
        Assert.Equal(rg.Stderr.Replace("rg:", "scour:"), scour.Stderr);
        Assert.Equal(rg.ExitCode, scour.ExitCode);
    }

    private static string Blank(string output) => Elapsed().Replace(output, "T");

    [GeneratedRegex("\"elapsed(_total)?\":\\{[^}]*\\}|[0-9.]+ seconds")]
    private static partial Regex Elapsed();
}
