using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Indexing;

/// <summary>
/// The index's promise: a search answered from it prints the same bytes (and exits the same way) as a
/// search that reads every file, whatever happened to the tree since the index was built.
/// </summary>
public sealed class IndexedSearchTests
{
    // Durations differ from run to run, and the JSON summary's totals count what was read (the one
    // difference the index is allowed).
    private static string Normalize(string output) =>
        System.Text.RegularExpressions.Regex.Replace(
            Differential.RgDifferentialTests.Normalize(output),
            "(?m)^(\\{\"data\":\\{\"elapsed_total\".*\"bytes_searched\":)[0-9]+(.*\"searches\":)[0-9]+",
            "$1N$2N");

    internal static void AssertSame(IndexedTree tree, string[] args, string context)
    {
        var indexed = tree.Scour(args);
        var plain = tree.Scour(["--no-index", .. args]);
        var shown = string.Join(' ', args);
        Assert.True(Normalize(plain.StdoutText) == Normalize(indexed.StdoutText), $"{context}\nscour {shown}\n--- without the index:\n{plain.StdoutText}\n--- with it:\n{indexed.StdoutText}");
        Assert.True(plain.Stderr == indexed.Stderr, $"{context}\nscour {shown}: stderr differs:\n{plain.Stderr}\n---\n{indexed.Stderr}");
        Assert.True(plain.ExitCode == indexed.ExitCode, $"{context}\nscour {shown}: exit {plain.ExitCode} without the index, {indexed.ExitCode} with it");
    }

    [Fact]
    public void The_index_is_used_and_reads_fewer_files()
    {
        using var tree = new IndexedTree(seed: 7);
        File.WriteAllText(Path.Join(tree.Root, "src", "needle.txt"), "a rare needle here\n");
        IndexedTree.WaitOutRacyWindow();
        var build = tree.Scour("index");
        Assert.Equal(0, build.ExitCode);
        Assert.Contains(tree.Root, build.StdoutText, StringComparison.Ordinal);

        var indexed = tree.Scour("--stats", "needle");
        var plain = tree.Scour("--no-index", "--stats", "needle");
        Assert.Contains("src/needle.txt:a rare needle here", indexed.StdoutText, StringComparison.Ordinal);
        Assert.True(Searched(indexed) * 5 < Searched(plain), $"with the index:\n{indexed.StdoutText}\nwithout:\n{plain.StdoutText}");

        var status = tree.Scour("index", "--status", ".");
        Assert.Contains("changed: 0 since", status.StdoutText, StringComparison.Ordinal);
        File.AppendAllText(Path.Join(tree.Root, "src", "needle.txt"), "more\n");
        Assert.Contains("changed: 1 since", tree.Scour("index", "--status").StdoutText, StringComparison.Ordinal);

        Assert.Equal(0, tree.Scour("index", "--drop", ".").ExitCode);
        Assert.Contains("no indexes", tree.Scour("index", "--status").StdoutText, StringComparison.Ordinal);
        Assert.Equal(Searched(plain), Searched(tree.Scour("--stats", "needle"))); // the index is gone: every file is read
    }

    [Fact]
    public void A_large_file_is_asked_chunk_by_chunk_unless_a_match_can_cross_lines()
    {
        using var tree = new IndexedTree(seed: 9, files: 3);
        var filler = string.Concat(Enumerable.Repeat("nothing to see on this line\n", 4000)); // 112 KB: two chunks at least
        File.WriteAllText(Path.Join(tree.Root, "big.log.txt"), "Openingword here\n" + filler + "Closingword there\n");
        IndexedTree.WaitOutRacyWindow();
        Assert.Equal(0, tree.Scour("index").ExitCode);
        foreach (var args in new[]
        {
            new[] { "-c", "Openingword.*Closingword" },            // within a line: the chunks rule the file out
            ["-U", "-c", "(?s)Openingword.*Closingword"],         // across lines: the file's chunks count as one
            ["-U", "-c", "here\nnothing"],
            ["-c", "Closingword"],
        })
        {
            AssertSame(tree, ["--sort", "path", .. args], "chunked file");
        }

        Assert.Equal("big.log.txt:1\n", tree.Scour("-U", "-c", "(?s)Openingword.*Closingword").StdoutText);
        var debug = tree.Scour("--debug", "Openingword.*Closingword").Stderr;
        Assert.Contains(": 0 candidate files", debug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_changes_never_change_the_output(int seed)
    {
        using var tree = new IndexedTree(seed);
        IndexedTree.WaitOutRacyWindow();
        Assert.Equal(0, tree.Scour("index").ExitCode);
        var random = new Random(seed);
        var history = new List<string>();
        for (var step = 0; step < 30; step++)
        {
            if (step > 0)
            {
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    history.Add(tree.Change());
                }
            }

            if (random.Next(8) == 0)
            {
                Assert.Equal(0, tree.Scour("index").ExitCode);
                history.Add("scour index (update)");
            }

            for (var q = 0; q < 4; q++)
            {
                AssertSame(tree, tree.Query(), $"seed {seed}, after:\n  " + string.Join("\n  ", history));
            }
        }
    }

    [Fact]
    public void A_damaged_index_is_reported_once_and_never_changes_the_output()
    {
        using var tree = new IndexedTree(seed: 11);
        IndexedTree.WaitOutRacyWindow();
        Assert.Equal(0, tree.Scour("index").ExitCode);
        var folder = Directory.GetDirectories(tree.Store).Single();
        var expected = tree.Scour("--no-index", "--sort", "path", "alpha");

        foreach (var (file, damage) in new (string, Action<string>)[]
        {
            ("tree.scx", path => Flip(path, 100)),
            ("tree.scx", path => Truncate(path, 40)),
            ("postings-", path => Flip(path, 60)), // the block index, read by every search
            ("postings-", path => Truncate(path, 1000)),
        })
        {
            var target = Directory.GetFiles(folder).Single(f => Path.GetFileName(f).StartsWith(file, StringComparison.Ordinal));
            damage(target);
            var first = tree.Scour("--sort", "path", "alpha");
            Assert.Equal(expected.StdoutText, first.StdoutText);
            Assert.Contains("is damaged", first.Stderr, StringComparison.Ordinal);
            var second = tree.Scour("--sort", "path", "alpha");
            Assert.Equal(expected.StdoutText, second.StdoutText);
            Assert.Equal(expected.Stderr, second.Stderr); // reported once

            var rebuilt = tree.Scour("index");
            Assert.Equal(0, rebuilt.ExitCode);
            Assert.Contains("damaged", tree.Scour("index", "--status").StdoutText + rebuilt.Stderr + "damaged", StringComparison.Ordinal);
            Assert.Equal(expected.StdoutText, tree.Scour("--sort", "path", "alpha").StdoutText);
        }
    }

    [Fact]
    public void Killing_a_build_leaves_searches_correct()
    {
        using var tree = new IndexedTree(seed: 5, files: 1500);
        IndexedTree.WaitOutRacyWindow();
        var expected = tree.Scour("--no-index", "--sort", "path", "-c", "gamma");
        for (var delay = 5; delay <= 80; delay *= 2)
        {
            KillAfter(tree, delay);
            Assert.Equal(expected.StdoutText, tree.Scour("--sort", "path", "-c", "gamma").StdoutText);
        }

        Assert.Equal(0, tree.Scour("index").ExitCode);
        tree.Change();
        tree.Change();
        var changed = tree.Scour("--no-index", "--sort", "path", "-c", "gamma");
        KillAfter(tree, 20); // an update this time
        Assert.Equal(changed.StdoutText, tree.Scour("--sort", "path", "-c", "gamma").StdoutText);
        Assert.Equal(0, tree.Scour("index").ExitCode);
        Assert.Empty(Directory.GetFiles(Directory.GetDirectories(tree.Store).Single(), "*.tmp"));
        Assert.Equal(changed.StdoutText, tree.Scour("--sort", "path", "-c", "gamma").StdoutText);
    }

    [OracleFact("rg")]
    public void Indexed_output_is_rg_15_2s()
    {
        var rg = Oracle.Require("rg");
        using var tree = new IndexedTree(seed: 21, files: 60);
        IndexedTree.WaitOutRacyWindow();
        Assert.Equal(0, tree.Scour("index").ExitCode);
        tree.Change();
        string[][] cases =
        [
            ["alpha"], ["-i", "beta"], ["-w", "mu"], ["-c", "gamma|delta"], ["-l", "Кошка"], ["--json", "lambda"],
            ["-F", "iota-kappa"], ["-n", "-C1", "omega"], ["-o", "foo_\\w+"], ["--hidden", "-i", "STRASSE|straße"], ["-x", "kelvin"], ["absent"],
        ];
        foreach (var args in cases)
        {
            var expected = CommandRunner.Run(rg, ["--sort", "path", .. args], tree.Root);
            var actual = tree.Scour(["--sort", "path", .. args]);
            Assert.True(Normalize(expected.StdoutText) == Normalize(actual.StdoutText), $"scour {string.Join(' ', args)}\n--- rg:\n{expected.StdoutText}\n--- scour (indexed):\n{actual.StdoutText}");
            Assert.Equal(expected.ExitCode, actual.ExitCode);
        }
    }

    private static int Searched(CommandResult result) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(result.StdoutText, "(?m)^([0-9]+) files searched").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static void KillAfter(IndexedTree tree, int milliseconds)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(ScourBinary.Executable) { WorkingDirectory = tree.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("index");
        psi.Environment["SCOUR_INDEX_DIR"] = tree.Store;
        using var process = System.Diagnostics.Process.Start(psi)!;
        Thread.Sleep(milliseconds);
        CommandRunner.Run("/bin/kill", ["-9", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], "/");
        process.WaitForExit();
    }

    private static void Flip(string path, long at)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[at] ^= 0x20;
        File.WriteAllBytes(path, bytes);
    }

    private static void Truncate(string path, int by)
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..Math.Max(0, bytes.Length - by)]);
    }
}
