using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// How matching lines are laid out, against rg 15.2, over a matrix of patterns and flags on files with
/// CRLF, bare LF, lone CR and no final terminator: <c>-o</c>, <c>--vimgrep</c> (with <c>-o</c>, <c>-b</c>
/// and <c>-v</c>), columns, colors, <c>--trim</c> and <c>-r</c>, each in line mode and under <c>-U</c>,
/// with and without <c>--crlf</c>. These are where rg's printer has rules of its own: under <c>-U</c> a
/// line's terminator (the whole <c>\r\n</c> under <c>--crlf</c>) is never part of a piece, an empty match at
/// the start of a line is printed by neither <c>-o</c> nor <c>--vimgrep</c>, <c>-o</c> decides what a
/// <c>--vimgrep</c> row holds, and <c>-r</c>'s columns and offsets count in the replaced text.
/// </summary>
public sealed class LineLayoutTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-layout-" + Guid.NewGuid().ToString("N")[..8]);

    private static readonly string[] Files = ["crlf.txt", "lf.txt", "cr.txt", "mixed.txt"];

    private static readonly string[] Patterns = ["(?s).", "ab", "(?s)b.c", "\\s+", "^", "$", "\\n", "b\\s*"];

    private static readonly string[] FlagSets =
    [
        "-o", "-o -n -b --column", "--vimgrep", "--vimgrep -o -b", "--vimgrep -b", "-n --column",
        "--color=always --column", "--trim --column", "-v --vimgrep", "-r X -o -b", "-r <$0> --vimgrep",
        "-r X -n --column", "-r X -v -o", "-o --trim",
    ];

    public LineLayoutTests()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "crlf.txt"), "a\r\n\r\nb\r\n\nc\n");
        File.WriteAllText(Path.Combine(_root, "lf.txt"), "ab\ncd ab\n\nab\n");
        File.WriteAllText(Path.Combine(_root, "cr.txt"), "x\ry\r\n\r\r\nz\r");
        File.WriteAllText(Path.Combine(_root, "mixed.txt"), "ab\r\ncd ab\r\n\r\nab\ncd\r");
    }

    [OracleFact("rg")]
    public void Lines_are_laid_out_as_rg_lays_them_out()
    {
        var differences = new List<string>();
        var cases = 0;
        foreach (var file in Files)
        {
            foreach (var pattern in Patterns)
            {
                foreach (var flags in FlagSets)
                {
                    foreach (var mode in new[] { "", "-U", "--crlf", "-U --crlf" })
                    {
                        var args = (mode + " " + flags).Split(' ', StringSplitOptions.RemoveEmptyEntries).Concat(["-e", pattern, file]).ToArray();
                        var rg = CommandRunner.Run(Oracle.Require("rg"), args, _root);
                        var scour = ScourBinary.Run(_root, args);
                        cases++;
                        if (!rg.Stdout.AsSpan().SequenceEqual(scour.Stdout) || rg.ExitCode != scour.ExitCode)
                        {
                            differences.Add($"{string.Join(' ', args)}\n  rg:    {rg.StdoutEscaped}\n  scour: {scour.StdoutEscaped}{scour.Stderr}");
                        }
                    }
                }
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} of {cases} differ:\n" + string.Join('\n', differences.Take(20)));
    }

    [OracleFact("rg")]
    public void Long_line_previews_keep_the_grapheme_clusters_rg_keeps()
    {
        // Combining marks, CRLF, flags, an emoji ZWJ sequence, Hangul jamo, prepended and spacing marks,
        // and bytes that are not UTF-8 (a lone lead byte before a combining mark).
        File.WriteAllBytes(Path.Combine(_root, "clusters.txt"), [
            .. "ab e\u0301e\u0301\u0301x\r\n"u8, .. "ab \U0001F1FA\U0001F1F8\U0001F1FA\U0001F468\u200D\U0001F469 zz\n"u8,
            .. "ab \u1100\u1161\u11A8\u0600xa\u0E33 zz\r\n"u8, .. "ab "u8, 0xC3, 0xCC, 0x81, 0xFF, .. "\u0301yz\n"u8, .. "ab cd\r\n"u8,
        ]);
        var differences = new List<string>();
        foreach (var max in new[] { "-M2", "-M3", "-M4", "-M5", "-M6", "-M8" })
        {
            foreach (var mode in new[] { "", "--crlf", "--color=always", "-o", "-r X" })
            {
                var args = new[] { max, "--max-columns-preview", "-a" }.Concat(mode.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Concat(["ab", "clusters.txt"]).ToArray();
                var rg = CommandRunner.Run(Oracle.Require("rg"), args, _root);
                var scour = ScourBinary.Run(_root, args);
                if (!rg.Stdout.AsSpan().SequenceEqual(scour.Stdout))
                {
                    differences.Add($"{string.Join(' ', args)}\n  rg:    {rg.StdoutEscaped}\n  scour: {scour.StdoutEscaped}");
                }
            }
        }

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
