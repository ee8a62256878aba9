using System.Net.Sockets;
using System.Text;
using Scour.Walking;

namespace Scour.Indexing;

/// <summary>
/// Keeps one tree's index current while it runs (<c>scour index --watch</c>): inotify watches every
/// directory, the paths events name are remembered as changed, searches are told them over the
/// index's socket (so they need not stamp the whole tree), and after a quiet moment an update reads
/// what changed and publishes a new generation. Changes made during an update stay changed for the
/// generation it publishes. A lost event (queue overflow) makes every answer "unknown" until an
/// update that started after it has finished.
/// </summary>
internal sealed class IndexWatcher : IDisposable
{
    /// <summary>How long the tree must be quiet before the watcher updates the index.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(2);

    private readonly object _gate = new();
    private readonly IndexStore _store;
    private readonly string _root;
    private readonly string _folder;
    private readonly Action<string> _report;
    private readonly Inotify _inotify = new();
    private readonly Dictionary<int, string> _watches = [];
    private readonly HashSet<string> _unwatched = new(StringComparer.Ordinal);
    private readonly List<InotifyEvent> _events = [];
    private HashSet<string> _changed = new(StringComparer.Ordinal);
    private HashSet<string>? _changedDuringBuild;
    private long _generation = -1;
    private bool _overflowed;
    private int _overflows;
    private DateTime _lastChange = DateTime.MinValue;

    public IndexWatcher(IndexStore store, string root, Action<string> report)
    {
        _store = store;
        _root = root;
        _folder = store.FolderOf(root);
        _report = report;
    }

    /// <summary>Watches until <paramref name="cancellationToken"/> is cancelled; throws <see cref="IOException"/> when it cannot start.</summary>
    public void Run(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        var socketPath = Path.Join(_folder, WatchProtocol.SocketName);
        if (IsListening(socketPath))
        {
            throw new IOException($"{_root} is already watched by another 'scour index --watch'");
        }

        lock (_gate)
        {
            WatchTree("");
        }

        File.Delete(socketPath); // left by a watcher that was killed
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(64);
        var server = new Thread(() => Serve(listener)) { IsBackground = true, Name = "scour-watch-server" };
        server.Start();
        try
        {
            Loop(cancellationToken);
        }
        finally
        {
            File.Delete(socketPath);
            listener.Close();
        }
    }

    private static bool IsListening(string socketPath)
    {
        try
        {
            using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            probe.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Loop(CancellationToken cancellationToken)
    {
        using var stopBuild = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<IndexReport>? build = null;
        var buildOverflows = 0;
        void Start()
        {
            lock (_gate)
            {
                _changedDuringBuild = new HashSet<string>(StringComparer.Ordinal);
                buildOverflows = _overflows;
            }

            build = Task.Run(() => new IndexBuilder(_store, _root, null).Run(stopBuild.Token), stopBuild.Token);
        }

        Start();
        while (!cancellationToken.IsCancellationRequested)
        {
            _inotify.Wait(200);
            lock (_gate)
            {
                Drain();
            }

            if (build is { IsCompleted: true })
            {
                Finish(build, buildOverflows);
                build = null;
            }

            bool due;
            lock (_gate)
            {
                due = _overflowed || (_changed.Count > 0 && DateTime.UtcNow - _lastChange > QuietPeriod);
            }

            if (build is null && due)
            {
                Start();
            }
        }

        stopBuild.Cancel();
        try
        {
            build?.Wait(CancellationToken.None);
        }
        catch (AggregateException)
        {
            // cancelled: the previous generation stays in place, and temporary files go at the next build
        }
    }

    private void Finish(Task<IndexReport> build, int overflowsAtStart)
    {
        lock (_gate)
        {
            var during = _changedDuringBuild!;
            _changedDuringBuild = null;
            if (build.IsCompletedSuccessfully)
            {
                var report = build.Result;
                _generation = report.Generation;
                _changed = during;
                _overflowed &= _overflows != overflowsAtStart;
                _report($"{_root}: updated ({report.FilesRead:N0} files read, {report.Elapsed.TotalSeconds:0.0} s)");
            }
            else
            {
                _changed.UnionWith(during);
                _report($"{_root}: update failed: {build.Exception?.GetBaseException().Message}");
            }
        }
    }

    // Answers each search: everything queued is read first, so the answer covers every change made
    // before the search asked.
    private void Serve(Socket listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                try
                {
                    client.ReceiveTimeout = client.SendTimeout = (int)WatchProtocol.Timeout.TotalMilliseconds;
                    var buffer = new byte[128];
                    var n = client.Receive(buffer);
                    var request = Encoding.ASCII.GetString(buffer, 0, n).Trim();
                    byte[] reply;
                    lock (_gate)
                    {
                        Drain();
                        reply = request.StartsWith("sync ", StringComparison.Ordinal) && long.TryParse(request[5..], out var generation) &&
                            generation == _generation && !_overflowed
                            ? WatchProtocol.Fresh(_changed.Concat(_unwatched))
                            : WatchProtocol.Unknown.ToArray();
                    }

                    client.Send(reply);
                }
                catch (SocketException)
                {
                    // the search gave up waiting: it checks the tree itself
                }
            }
        }
    }

    // Must hold _gate.
    private void Drain()
    {
        _events.Clear();
        _inotify.Drain(_events);
        foreach (var e in _events)
        {
            if ((e.Mask & InotifyEvent.Overflow) != 0)
            {
                _overflowed = true;
                _overflows++;
                continue;
            }

            if (!_watches.TryGetValue(e.Watch, out var dir))
            {
                continue;
            }

            if ((e.Mask & InotifyEvent.Ignored) != 0)
            {
                _watches.Remove(e.Watch);
                continue;
            }

            var path = e.Name.Length == 0 ? dir : Walker.Join(dir, e.Name);
            Changed(path);
            if (e.ChangesListing)
            {
                Changed(dir);
            }

            if ((e.Mask & InotifyEvent.IsDirectory) != 0 && (e.Mask & (InotifyEvent.Create | InotifyEvent.MovedTo)) != 0 && e.Name != ".git")
            {
                // A new directory: watched from now on; what happened in it before is not known.
                Changed(path + "/");
                WatchTree(path);
            }
        }
    }

    private void Changed(string path)
    {
        _changed.Add(path);
        _changedDuringBuild?.Add(path);
        _lastChange = DateTime.UtcNow;
    }

    // Watches a directory and those below it (not .git, whose contents the index never lists).
    private void WatchTree(string relative)
    {
        var pending = new Stack<string>();
        pending.Push(relative);
        while (pending.TryPop(out var dir))
        {
            var absolute = dir.Length == 0 ? _root : Path.Join(_root, dir);
            var wd = _inotify.Watch(absolute, out var problem);
            if (wd < 0)
            {
                if (_unwatched.Add(dir + "/"))
                {
                    _report($"{absolute}: {problem}; searches read it directly");
                }

                continue;
            }

            _unwatched.Remove(dir + "/");
            _watches[wd] = dir;
            try
            {
                foreach (var entry in DirectoryReader.Read(absolute))
                {
                    if (entry.Kind == EntryKind.Directory && entry.Name != ".git")
                    {
                        pending.Push(Walker.Join(dir, entry.Name));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // unreadable: the index does not list it either
            }
        }
    }

    public void Dispose() => _inotify.Dispose();
}
