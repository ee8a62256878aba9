using System.Text;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.EndToEnd;

/// <summary>
/// Files whose output is larger than what a file may hold back (256 KiB) stream it instead: the
/// output must still be whole per file (never interleaved with another file's lines) and complete,
/// with the separators between files where they belong.
/// </summary>
public sealed class LargeOutputTests : IDisposable
{
    private const int BigLines = 30_000; // ~750 KB of output per big file
    private const int SmallFiles = 40;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "scour-large-" + Guid.NewGuid().ToString("N"));

    public LargeOutputTests()
    {
        Directory.CreateDirectory(_dir);
        foreach (var name in new[] { "big1.txt", "big2.txt" })
        {
            var text = new StringBuilder();
            for (var i = 0; i < BigLines; i++)
            {
                text.Append("needle ").Append(i).Append(" of ").Append(name).Append('\n').Append("hay\n");
            }

            File.WriteAllText(Path.Combine(_dir, name), text.ToString());
        }

        for (var f = 0; f < SmallFiles; f++)
        {
            File.WriteAllText(Path.Combine(_dir, $"small{f:D2}.txt"), $"hay\nneedle a of small{f:D2}.txt\nhay\nneedle b of small{f:D2}.txt\n");
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Every line that must be printed, as "path:line", built from how the files were written.
    private static List<string> ExpectedLines()
    {
        var lines = new List<string>();
        foreach (var name in new[] { "big1.txt", "big2.txt" })
        {
            for (var i = 0; i < BigLines; i++)
            {
                lines.Add($"{name}:needle {i} of {name}");
            }
        }

        for (var f = 0; f < SmallFiles; f++)
        {
            lines.Add($"small{f:D2}.txt:needle a of small{f:D2}.txt");
            lines.Add($"small{f:D2}.txt:needle b of small{f:D2}.txt");
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    [Fact]
    public void A_parallel_search_prints_every_file_whole_and_every_line_once()
    {
        var r = ScourBinary.Run(_dir, "-j2", "needle");
        Assert.Equal(0, r.ExitCode);
        var lines = r.StdoutText.TrimEnd('\n').Split('\n');

        // Once a file's lines stop, that file never appears again.
        var finished = new HashSet<string>();
        string? current = null;
        foreach (var line in lines)
        {
            var path = line[..line.IndexOf(':', StringComparison.Ordinal)];
            if (path != current)
            {
                Assert.True(finished.Add(path), $"{path} printed in two pieces");
                current = path;
            }
        }

        Assert.Equal(2 + SmallFiles, finished.Count);
        var sorted = lines.ToList();
        sorted.Sort(StringComparer.Ordinal);
        Assert.Equal(ExpectedLines(), sorted);
    }

    [Fact]
    public void Headings_are_separated_by_one_blank_line_also_around_streamed_files()
    {
        var r = ScourBinary.Run(_dir, "-j2", "--heading", "needle");
        var blocks = r.StdoutText.TrimEnd('\n').Split("\n\n");
        Assert.Equal(2 + SmallFiles, blocks.Length);
        foreach (var block in blocks)
        {
            var lines = block.Split('\n');
            var path = lines[0];
            Assert.Equal(path.StartsWith("big", StringComparison.Ordinal) ? BigLines : 2, lines.Length - 1);
            Assert.All(lines.Skip(1), line => Assert.EndsWith($" of {path}", line, StringComparison.Ordinal));
        }
    }

    [OracleFact("rg")]
    public void Stats_count_the_bytes_of_streamed_output_as_rg_does()
    {
        static string BytesPrinted(CommandResult r) =>
            r.StdoutText.Split('\n').Single(l => l.EndsWith(" bytes printed", StringComparison.Ordinal));

        var rg = CommandRunner.Run(Oracle.Require("rg"), ["-j2", "--stats", "needle"], _dir);
        Assert.Equal(BytesPrinted(rg), BytesPrinted(ScourBinary.Run(_dir, "-j2", "--stats", "needle")));
    }
}
