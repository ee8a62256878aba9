using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Indexing;

/// <summary>
/// The index's promise with <c>scour index --watch</c> running: searches take the changed paths from
/// the watcher instead of stamping the tree, and still print what a search without the index prints.
/// </summary>
public sealed class WatchedIndexTests
{
    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    public void Random_changes_with_a_watcher_never_change_the_output(int seed)
    {
        using var tree = new IndexedTree(seed);
        IndexedTree.WaitOutRacyWindow();
        Assert.Equal(0, tree.Scour("index").ExitCode);
        using var watcher = Watcher.Start(tree);
        watcher.WaitFor("updated");
        Assert.Contains("changed paths from the watcher", tree.Scour("--debug", "absent0").Stderr, StringComparison.Ordinal);

        var random = new Random(seed);
        var history = new List<string>();
        for (var step = 0; step < 30; step++)
        {
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                history.Add(tree.Change());
            }

            if (random.Next(10) == 0)
            {
                Thread.Sleep(IndexedTreeQuiet); // the watcher updates the index after a quiet moment
                history.Add("(quiet: the watcher updates)");
            }

            for (var q = 0; q < 4; q++)
            {
                IndexedSearchTests.AssertSame(tree, tree.Query(), $"seed {seed} with a watcher, after:\n  " + string.Join("\n  ", history));
            }
        }

        Assert.Equal(0, watcher.Stop());
        Assert.Empty(Directory.GetFiles(Directory.GetDirectories(tree.Store).Single(), "watch.sock"));
    }

    private static readonly TimeSpan IndexedTreeQuiet = TimeSpan.FromSeconds(3);

    /// <summary>A running <c>scour index --watch</c> on a tree, stopped with SIGTERM.</summary>
    private sealed class Watcher : IDisposable
    {
        private readonly System.Diagnostics.Process _process;
        private readonly System.Text.StringBuilder _output = new();

        private Watcher(System.Diagnostics.Process process) => _process = process;

        public static Watcher Start(IndexedTree tree)
        {
            var psi = new System.Diagnostics.ProcessStartInfo(ScourBinary.Executable) { WorkingDirectory = tree.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add("index");
            psi.ArgumentList.Add("--watch");
            psi.Environment["SCOUR_INDEX_DIR"] = tree.Store;
            var watcher = new Watcher(System.Diagnostics.Process.Start(psi)!);
            watcher._process.OutputDataReceived += (_, e) => { lock (watcher._output) { watcher._output.AppendLine(e.Data); } };
            watcher._process.ErrorDataReceived += (_, e) => { lock (watcher._output) { watcher._output.AppendLine(e.Data); } };
            watcher._process.BeginOutputReadLine();
            watcher._process.BeginErrorReadLine();
            return watcher;
        }

        public void WaitFor(string text)
        {
            for (var i = 0; i < 600; i++)
            {
                lock (_output)
                {
                    if (_output.ToString().Contains(text, StringComparison.Ordinal))
                    {
                        return;
                    }
                }

                Assert.False(_process.HasExited, $"the watcher stopped: {_output}");
                Thread.Sleep(50);
            }

            Assert.Fail($"the watcher never said '{text}': {_output}");
        }

        public int Stop()
        {
            CommandRunner.Run("/bin/kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], "/");
            Assert.True(_process.WaitForExit(10_000), "the watcher did not stop on SIGTERM");
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            _process.Dispose();
        }
    }
}
