using System.Globalization;
using System.Text;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// Seeded random patterns (see <see cref="RandomRegex"/>) over random texts, each run by scour and rg
/// 15.2 in several output modes, line-selecting ones and ones that print spans (<c>-o -b</c>, <c>-r</c>
/// with a capture group, <c>--count-matches</c>), and across lines (<c>-U</c>): the output must be rg's. CI runs a bounded number of
/// cases (about 30 s); <c>SCOUR_FUZZ_CASES</c> and <c>SCOUR_FUZZ_SEED</c> run more, or others.
/// </summary>
public sealed class RegexFuzzTests : IDisposable
{
    private static readonly string[][] Modes =
    [
        ["-n"], ["-c", "-v"], ["-c", "-i"], ["-n", "-x"], ["-n", "-w"],
        ["-o", "-b", "-n"], ["-n", "-r", "<$0|$1>"], ["-o", "-w", "-b"], ["--count-matches"],
        ["--crlf", "-n"], ["--crlf", "-o", "-b"], ["-U", "-n"], ["-U", "-o", "-b"], ["-U", "--crlf", "-c"],
    ];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-fuzz-" + Guid.NewGuid().ToString("N")[..8]);

    public RegexFuzzTests() => Directory.CreateDirectory(_root);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    [OracleTheory("rg")]
    [InlineData(false)]
    [InlineData(true)]
    public void Random_patterns_select_the_lines_rg_selects(bool asciiOnly)
    {
        var seed = Setting("SCOUR_FUZZ_SEED", 20261201) + (asciiOnly ? 1 : 0);
        var cases = Setting("SCOUR_FUZZ_CASES", 60);
        var random = new RandomRegex(seed);
        File.WriteAllBytes(Path.Combine(_root, "t.txt"), random.Text(60, asciiOnly));
        var rg = Oracle.Require("rg");
        var failures = new List<string>();
        var compared = 0;
        for (var i = 0; i < cases && failures.Count < 10; i++)
        {
            var pattern = random.Pattern();
            // Every case prints its lines; the other modes take turns, to keep the run short.
            foreach (var mode in new[] { Modes[0], Modes[1 + (i % (Modes.Length - 1))] })
            {
                string[] args = [.. mode, "--", pattern, "t.txt"];
                var ours = ScourBinary.Run(_root, args);
                var theirs = CommandRunner.Run(rg, args, _root);
                if (theirs.ExitCode == 2 && ours.ExitCode == 2)
                {
                    break; // both reject the pattern
                }

                compared++;
                if (!theirs.Stdout.AsSpan().SequenceEqual(ours.Stdout) || theirs.ExitCode != ours.ExitCode)
                {
                    failures.Add($"seed {seed} case {i} in {_root}: {string.Join(' ', args)}\n--- rg ({theirs.ExitCode}) ---\n{Latin1(theirs.Stdout)}--- scour ({ours.ExitCode}) ---\n{Latin1(ours.Stdout)}{ours.Stderr}");
                    break;
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} patterns differ from rg:\n" + string.Join("\n", failures));
        Assert.True(compared > cases, $"only {compared} runs compared: the generator makes too many patterns both tools reject");
    }

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes.Length > 2000 ? bytes[..2000] : bytes);

    // SCOUR_FUZZ_KEEP=1 keeps the texts, to reproduce a difference by hand (their folder is in the failures).
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("SCOUR_FUZZ_KEEP") != "1")
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
