using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// Seeded random combinations of output, context, counting and matching flags (one to four of them,
/// repeats and contradictions included) over files with CRLF, bare LF, lone CR, leading whitespace
/// and no final terminator, and over a binary file and Unicode text, each run by scour and rg 15.2:
/// the bytes written and the exit codes must be the same. 600 cases each by default; <c>SCOUR_SWEEP_CASES</c> and <c>SCOUR_SWEEP_SEED</c> run more,
/// or others. Timings in <c>--stats</c> and <c>--json</c> are left out, and so is "bytes searched",
/// which depends on where rg's reader stops.
/// </summary>
public sealed partial class FlagSweepTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-sweep-" + Guid.NewGuid().ToString("N")[..8]);

    private static readonly string[] Files = ["m.txt", "c.txt", "l.txt", "t.txt"];

    private static readonly string[] Patterns =
        ["ab", "(?s)b.c", "\\s+", "^", "$", "b\\s*", "c", "\\w+", "(?s).", "a|c", "ab\\s+cd", "\\bab\\b", "d a"];

    private static readonly string[][] Flags =
    [
        ["-o"], ["-n"], ["-b"], ["--column"], ["--vimgrep"], ["-v"], ["-A1"], ["-B1"], ["-C1"], ["--passthru"],
        ["--heading"], ["--no-heading"], ["-H"], ["--no-filename"], ["-m1"], ["-m2"], ["-c"], ["--count-matches"],
        ["-l"], ["--trim"], ["-M5"], ["-M5", "--max-columns-preview"], ["-r", "X"], ["-r", "<$0>"],
        ["--color=always"], ["-0"], ["--field-match-separator", "#"], ["--field-context-separator", "%"],
        ["--context-separator", "~~"], ["--no-context-separator"], ["-U"], ["--crlf"], ["--multiline-dotall"],
        ["-i"], ["-w"], ["-x"], ["-N"], ["--stats"], ["-q"], ["--files-without-match"], ["--include-zero"], ["--json"],
    ];

    public FlagSweepTests()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "m.txt"), "ab\r\ncd ab\r\n\r\nab\ncd\r");
        File.WriteAllText(Path.Combine(_root, "c.txt"), "a\r\n\r\nb\r\n\nc\n");
        File.WriteAllText(Path.Combine(_root, "l.txt"), "ab\ncd ab\n\nab\nxx\nyy ab zz\n\n\nab");
        File.WriteAllText(Path.Combine(_root, "t.txt"), "  \tab lead\n\t\tcd\n   ab  \n");
        File.WriteAllBytes(Path.Combine(_root, "b.bin"), [.. "Hello WORLD\nhello world\nfoo.bar(baz)\n\u00e9cole \u03a9mega\n"u8, 0, .. "bin\nlast"u8]);
        File.WriteAllText(Path.Combine(_root, "u2.txt"), "Stra\u00dfe STRASSE\n\u03a3\u03af\u03c3\u03c5\u03c6\u03bf\u03c2 \u03c3\u03af\u03c3\u03c5\u03c6\u03bf\u03c2\nfoo.bar(baz) foo\n\tindent  x\n");
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static readonly string[] MatchingFiles = ["b.bin", "u2.txt", "l.txt", "m.txt"];

    private static readonly string[] MatchingPatterns =
        ["hello", "Hello", "foo.bar", "o", "\\w+", "(?i)straße", "σίσυφος", "Σ", "\\bfoo\\b", "[a-z]+\\(", "x$", "^\\t", "\\x00", "é", "ω", "a|b|c", "foo(?=\\.)", "(?<=\\()baz", "(\\w)\\1"];

    private static readonly string[][] MatchingFlags =
    [
        ["-F"], ["-i"], ["-s"], ["-S"], ["-P"], ["--no-unicode"], ["-a"], ["--binary"], ["-o"], ["-n"], ["-c"],
        ["--count-matches"], ["-v"], ["-w"], ["-x"], ["-m1"], ["-b"], ["--column"], ["--json"], ["-r", "[$0]"], ["-r", "$1"],
        ["-U"], ["--crlf"], ["-C1"], ["--vimgrep"], ["-l"], ["--files-without-match"], ["-H"], ["--no-filename"],
        ["--heading"], ["-e", "o"], ["--engine", "auto"], ["-M6"], ["--trim"], ["--passthru"], ["-q"], ["--stats"],
        ["--color=always"], ["-0"], ["--include-zero"], ["-N"],
    ];

    [OracleFact("rg")]
    public void Random_flag_combinations_print_what_rg_prints() =>
        Sweep(Files, Patterns, Flags, Setting("SCOUR_SWEEP_SEED", 20261203), RgQuirk);

    // Binary files (a NUL after the first matches), Unicode case folding, -P look-around and
    // backreferences, -F, smart case, several -e patterns.
    [OracleFact("rg")]
    public void Random_matching_flags_print_what_rg_prints() =>
        Sweep(MatchingFiles, MatchingPatterns, MatchingFlags, Setting("SCOUR_SWEEP_SEED", 20261203) + 1,
            (args, pattern) => pattern == "\\bfoo\\b" && args.Contains("o")); // rg's reverse-suffix miss (docs/compatibility.md)

    private void Sweep(string[] files, string[] patterns, string[][] flags, int seed, Func<List<string>, string, bool> quirk)
    {
        var random = new Random(seed);
        var cases = Setting("SCOUR_SWEEP_CASES", 600);
        var differences = new List<string>();
        var run = 0;
        while (run < cases)
        {
            var args = new List<string>();
            for (var n = random.Next(1, 5); n > 0; n--)
            {
                args.AddRange(flags[random.Next(flags.Length)]);
            }

            var pattern = patterns[random.Next(patterns.Length)];
            args.AddRange(["-e", pattern]);
            args.AddRange(files.OrderBy(_ => random.Next()).Take(random.Next(1, 3)));
            args.AddRange(["--sort", "path"]);
            if (quirk(args, pattern))
            {
                continue;
            }

            run++;
            var rg = CommandRunner.Run(Oracle.Require("rg"), [.. args], _root);
            var scour = ScourBinary.Run(_root, [.. args]);
            if (Comparable(rg.Stdout) != Comparable(scour.Stdout) || rg.ExitCode != scour.ExitCode || (rg.Stderr.Length == 0) != (scour.Stderr.Length == 0))
            {
                differences.Add($"{string.Join(' ', args)}\n  rg {rg.ExitCode}:    {rg.StdoutEscaped}{rg.Stderr}\n  scour {scour.ExitCode}: {scour.StdoutEscaped}{scour.Stderr}");
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} of {cases} differ:\n" + string.Join('\n', differences.Take(15)));
    }

    // Combinations where rg 15.2's output follows from how its searcher is put together rather than from
    // a rule (docs/compatibility.md): -v with -U and -m (rg reports the lines of the next match after the
    // last one counted), -w with an anchor alone (rg reports lines in which its printer then finds no
    // match), and -c with --passthru -v -m (rg counts the lines after the last match too).
    private static bool RgQuirk(List<string> args, string pattern)
    {
        bool Has(params string[] any) => any.Any(args.Contains);
        var multiline = Has("-U");
        var maxCount = Has("-m1", "-m2");
        return (multiline && maxCount && Has("-v"))
            || (Has("-w") && pattern is "^" or "$")
            || (Has("-c", "--count-matches") && Has("--passthru") && Has("-v") && maxCount);
    }

    private static string Comparable(byte[] output) =>
        Timing().Replace(Encoding.UTF8.GetString(output), "");

    [GeneratedRegex(@"[0-9.]+ seconds[^\n]*\n|[0-9]+ bytes searched\n|""elapsed[^}]*}|""bytes_searched"":[0-9]+")]
    private static partial Regex Timing();

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
