using System.Runtime.InteropServices;
using Scour.Indexing;

namespace Scour.Cli;

/// <summary>
/// <c>scour index --watch [PATH ...]</c>: runs in the foreground, keeping each tree's index current
/// and answering searches' "what changed" questions, until SIGINT or SIGTERM stops it cleanly (its
/// socket removed, a running update cancelled with the previous index left in place).
/// </summary>
internal static class IndexWatchCommand
{
    public static int Run(IReadOnlyList<string> paths, Stream stdout)
    {
        using var stop = new CancellationTokenSource();
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        var store = IndexStore.FromEnvironment();
        var gate = new object();
        void Report(string message)
        {
            lock (gate)
            {
                IndexCommand.Write(stdout, message + "\n");
            }
        }

        var failed = 0;
        var threads = new List<Thread>();
        foreach (var path in paths)
        {
            var root = IndexStore.Canonical(path);
            if (!Directory.Exists(root))
            {
                Stderr.Message($"{path}: not a directory");
                return 2;
            }

            var thread = new Thread(() =>
            {
                try
                {
                    using var watcher = new IndexWatcher(store, root, Report);
                    Report($"watching {root} (an update runs first; stop with Ctrl-C)");
                    watcher.Run(stop.Token);
                }
                catch (IOException e)
                {
                    Stderr.Message($"{path}: {e.Message}");
                    Interlocked.Increment(ref failed);
                    stop.Cancel();
                }
            }) { Name = "scour-watch" };
            thread.Start();
            threads.Add(thread);
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return failed > 0 ? 2 : 0;
    }
}
