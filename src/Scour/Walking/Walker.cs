namespace Scour.Walking;

/// <summary>A file the walk yields.</summary>
/// <param name="Path">The path to open and to print: the root as given joined with the names below it.</param>
/// <param name="IsExplicit">True for a file named as a root (always searched, whatever the filters say).</param>
/// <param name="FullPath">The absolute path, when the walk knows it (opening by it saves a <c>getcwd</c>).</param>
public readonly record struct WalkEntry(string Path, bool IsExplicit, string? FullPath = null);

/// <summary>
/// Walks directory trees in parallel, yielding the files that ignore rules, hidden-file rules and depth
/// limits let through. Symbolic links are not followed (a root that is one is). Each directory's ignore
/// files are read once, when the directory is entered; directories that are ignored are never opened.
/// </summary>
public sealed class Walker
{
    private readonly WalkOptions _options;

    /// <summary>Creates a walker.</summary>
    public Walker(WalkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>
    /// A directory to read. <c>Real</c> (its canonical path) and <c>Up</c> are kept only with <c>--follow</c>,
    /// for loop detection; <c>GlobPath</c> only below a root whose shown path is not its relative path
    /// (<see cref="IgnoreRules.GlobDirectoryOfRoot"/>).
    /// </summary>
    private sealed record DirectoryWork(string Display, string Absolute, IgnoreDirectory? Parent, int Depth, string? Real = null, DirectoryWork? Up = null, string? GlobPath = null);

    /// <summary>
    /// Walks <paramref name="roots"/> (an empty string means the current directory, printed without a
    /// <c>./</c> prefix). <paramref name="onFile"/> runs on walker threads, concurrently.
    /// </summary>
    /// <param name="roots">Files and directories to search.</param>
    /// <param name="onFile">Called for every file to search; returns false to stop the whole walk.</param>
    /// <param name="onError">Called with a path (or null) and a message for each problem; the walk goes on.</param>
    /// <param name="onWarning">Called for problems that do not make the walk fail, such as a malformed ignore
    /// line (skipped, as git does); null sends them to <paramref name="onError"/>.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public void Run(IReadOnlyList<string> roots, Func<WalkEntry, bool> onFile, Action<string?, string> onError, Action<string>? onWarning = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(onFile);
        ArgumentNullException.ThrowIfNull(onError);
        if (_options.SortBy is WalkOrder.Modified or WalkOrder.Accessed or WalkOrder.Created)
        {
            RunSortedByTime(roots, onFile, onError, onWarning, cancellationToken);
            return;
        }

        var rules = new IgnoreRules(_options, onWarning ?? (message => onError(null, message)));
        var mounts = _options.OneFileSystem ? MountPoints.Load() : null;
        var state = new WalkState(this, rules, mounts, onFile, onError, cancellationToken);

        var directories = new List<DirectoryWork>();
        foreach (var root in roots)
        {
            var implicitRoot = root.Length == 0 && _options.EmptyRootIsWorkingDirectory;
            state.NoteRoot(implicitRoot);
            var target = implicitRoot ? "." : root;
            if (Directory.Exists(target))
            {
                var absolute = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
                var parents = _options.IgnoreParent || _options.IgnoreDot || _options.IgnoreVcs ? rules.ParentsOf(absolute, message => onError(null, message)) : null;
                var real = _options.FollowLinks ? RealPath.Of(absolute) ?? absolute : null;
                var work = new DirectoryWork(root, absolute, parents, 0, real, GlobPath: rules.GlobDirectoryOfRoot(root, absolute));
                if (Sequential)
                {
                    state.WalkRecursive(work);
                }
                else
                {
                    directories.Add(work);
                }
            }
            else if (File.Exists(target) && (roots.Count > 1 || Resolves(target)))
            {
                if (!state.Emit(new WalkEntry(root, IsExplicit: true)))
                {
                    return;
                }
            }
            else
            {
                // rg 15 walks a lone path that is not a directory as "one file", and words its error so;
                // so does its sequential walker (--sort, -j1) for every missing path.
                var failure = FileKind.StatFailure(target);
                onError(root, roots.Count == 1 || Sequential ? $"IO error for operation on {root}: {failure}" : failure);
            }

            if (state.Stopped)
            {
                return;
            }
        }

        if (directories.Count > 0)
        {
            state.WalkParallel(directories, ThreadCount);
        }
    }

    // False for a symbolic link that leads nowhere (or in a loop); true for anything else.
    private static bool Resolves(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.LinkTarget is null || info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true };
        }
        catch (IOException)
        {
            return false;
        }
    }

    // As rg 15, a sort by time is global: every file is collected first (in walk order), then sorted
    // stably by its own timestamp; a file whose time cannot be read sorts last (first when reversed).
    private void RunSortedByTime(IReadOnlyList<string> roots, Func<WalkEntry, bool> onFile, Action<string?, string> onError, Action<string>? onWarning, CancellationToken cancellationToken)
    {
        var all = new List<WalkEntry>();
        new Walker(_options with { SortBy = WalkOrder.None, Threads = 1 }).Run(roots, e => { all.Add(e); return true; }, onError, onWarning, cancellationToken);
        var times = all.Select(e => TimeOf(e.FullPath ?? e.Path)).ToList();
        var indexes = Enumerable.Range(0, all.Count);
        var sorted = _options.SortDescending
            ? indexes.OrderBy(i => times[i] is not null).ThenByDescending(i => times[i]) // reversed whole: unknown times first
            : indexes.OrderBy(i => times[i] is null).ThenBy(i => times[i]);
        foreach (var i in sorted)
        {
            if (cancellationToken.IsCancellationRequested || !onFile(all[i]))
            {
                return;
            }
        }
    }

    private long? TimeOf(string path) => FileTimes.Of(path.Length == 0 ? "." : path, _options.SortBy);

    /// <summary>
    /// The files under <paramref name="roots"/>, lazily, on the caller's thread's schedule (the walk runs
    /// on one background thread and stays at most a few thousand entries ahead). Problems go to
    /// <paramref name="onError"/>; stop early by disposing the enumerator or cancelling.
    /// </summary>
    public IEnumerable<WalkEntry> EnumerateFiles(IReadOnlyList<string> roots, Action<string?, string>? onError = null, CancellationToken cancellationToken = default)
    {
        using var queue = new System.Collections.Concurrent.BlockingCollection<WalkEntry>(boundedCapacity: 4096);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var walker = new Walker(_options with { Threads = 1 });
        var producer = Task.Run(
            () =>
            {
                try
                {
                    walker.Run(roots, e => !stop.IsCancellationRequested && queue.TryAdd(e, Timeout.Infinite, stop.Token), onError ?? ((_, _) => { }), cancellationToken: stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // the consumer stopped early
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            CancellationToken.None);
        try
        {
            foreach (var entry in queue.GetConsumingEnumerable(cancellationToken))
            {
                yield return entry;
            }
        }
        finally
        {
            stop.Cancel();
            producer.Wait(CancellationToken.None);
        }
    }

    private bool Sequential => _options.SortBy != WalkOrder.None || ThreadCount == 1;

    private int ThreadCount => _options.Threads > 0 ? _options.Threads : Math.Min(Environment.ProcessorCount, 12);

    /// <summary>A directory's display path joined with an entry's name, as the walk shows paths.</summary>
    internal static string Join(string display, string name) =>
        display.Length == 0 ? name : display.EndsWith('/') ? display + name : display + "/" + name;

    private sealed class WalkState(Walker walker, IgnoreRules rules, HashSet<string>? mounts, Func<WalkEntry, bool> onFile, Action<string?, string> onError, CancellationToken token)
    {
        private readonly object _gate = new();

        // ripgrep names paths under the implicit root "./..." in its messages.
        private bool _implicitRoot;

        public void NoteRoot(bool implicitRoot) => _implicitRoot |= implicitRoot;

        private string ForMessages(string display) => _implicitRoot ? "./" + display : display;

        private string ForMessages(DirectoryWork work, string name) => ForMessages(Join(work.Display, name));

        private readonly Stack<DirectoryWork> _pending = new();
        private int _active;
        private volatile bool _stopped;

        public bool Stopped => _stopped || token.IsCancellationRequested;

        public bool Emit(WalkEntry entry)
        {
            if (Stopped)
            {
                return false;
            }

            if (!onFile(entry))
            {
                _stopped = true;
            }

            return !_stopped;
        }

        // In sequential mode Visit recurses itself, depth-first in entry order.
        public void WalkRecursive(DirectoryWork work) => Visit(work);

        public void WalkParallel(List<DirectoryWork> roots, int threads)
        {
            for (var i = roots.Count - 1; i >= 0; i--)
            {
                _pending.Push(roots[i]);
            }

            // A tiny walk (an empty or flat directory, a chain of single subdirectories) never starts
            // a thread: directories are read here while there is only one to read.
            while (_pending.Count == 1 && !Stopped)
            {
                var children = Visit(_pending.Pop());
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    _pending.Push(children[i]);
                }
            }

            if (_pending.Count == 0 || Stopped)
            {
                return;
            }

            // A failure on any thread (including cancellation) stops the others and is rethrown here.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
            void Guarded()
            {
                try
                {
                    Work();
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e), null);
                }
            }

            var workers = new Thread[threads - 1];
            for (var i = 0; i < workers.Length; i++)
            {
                workers[i] = new Thread(Guarded) { IsBackground = true, Name = "scour-walker" };
                workers[i].Start();
            }

            Guarded();
            foreach (var t in workers)
            {
                t.Join();
            }

            failure?.Throw();
        }

        private void Work()
        {
            while (true)
            {
                DirectoryWork work;
                lock (_gate)
                {
                    while (_pending.Count == 0 && _active > 0 && !Stopped)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_pending.Count == 0 || Stopped)
                    {
                        Monitor.PulseAll(_gate);
                        return;
                    }

                    work = _pending.Pop();
                    _active++;
                }

                List<DirectoryWork> children;
                try
                {
                    children = Visit(work);
                }
                catch
                {
                    lock (_gate)
                    {
                        _stopped = true;
                        _active--;
                        Monitor.PulseAll(_gate);
                    }

                    throw;
                }

                lock (_gate)
                {
                    for (var i = children.Count - 1; i >= 0; i--)
                    {
                        _pending.Push(children[i]);
                    }

                    _active--;
                    Monitor.PulseAll(_gate);
                }
            }
        }

        // Reads one directory, yields its files and returns its subdirectories to walk.
        private List<DirectoryWork> Visit(DirectoryWork work)
        {
            var children = new List<DirectoryWork>();
            List<DirectoryEntry> entries;
            try
            {
                entries = walker._options.Lister is { } lister ? lister.Read(work.Absolute) : DirectoryReader.Read(work.Absolute);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                onError(ForMessages(work.Display), IoErrorText.Describe(e));
                return children;
            }

            var names = entries.Count < 8 ? null : new HashSet<string>(entries.Select(e => e.Name), StringComparer.Ordinal);
            var node = rules.Enter(work.Parent, work.Absolute, name => names?.Contains(name) ?? entries.Exists(e => e.Name == name), shownAs: ForMessages(work.Display));
            var options = walker._options;
            if (options.MaxDepth is { } max && work.Depth + 1 > max)
            {
                return children;
            }

            if (options.SortBy == WalkOrder.Path)
            {
                entries = Sorted(entries, options);
            }

            var pathBuffer = new char[work.Absolute.Length + 256];
            foreach (var raw in entries)
            {
                if (Stopped)
                {
                    break;
                }

                if (raw.Settled && !options.Lister!.NeedsVerdict)
                {
                    continue; // settled, and no one needs to know whether the rules would have let it through
                }

                var absolute = AbsoluteChild(work.Absolute, raw.Name, ref pathBuffer);
                var isLink = raw.Kind is EntryKind.Symlink;
                if (raw.Kind is EntryKind.Other || (isLink && !options.FollowLinks))
                {
                    continue;
                }

                // A link (under --follow) is resolved once; anything else needs no syscall before the
                // ignore rules, and no path string unless they let it through.
                string? path = null;
                string? target = null;
                var isDirectory = raw.Kind is EntryKind.Directory;
                if (isLink)
                {
                    path = absolute.ToString();
                    target = RealPath.Of(path);
                    isDirectory = target is not null && FileKind.IsDirectory(path);
                    if (target is null)
                    {
                        // A broken link is reported before any rule or glob sees it, as rg does, in the
                        // words of rg's single-threaded walk when this walk is single-threaded.
                        var shown = ForMessages(work, raw.Name);
                        var failure = FileKind.StatFailure(path);
                        onError(shown, walker.Sequential ? $"IO error for operation on {shown}: {failure}" : failure);
                        continue;
                    }

                    // A loop is found before any rule or glob sees the link too, as rg does: an
                    // ignored link to an ancestor is still reported. As ripgrep, only a directory
                    // reached through a link can close a loop.
                    if (isDirectory && LoopAncestor(work, target) is { } ancestor)
                    {
                        onError(null, $"File system loop found: {ForMessages(work, raw.Name)} points to an ancestor {ForMessages(ancestor.Display)}");
                        continue;
                    }
                }

                if (rules.IsIgnored(node, absolute, raw.Name, isDirectory, work.GlobPath))
                {
                    continue;
                }

                path ??= absolute.ToString();

                if (isLink && !isDirectory && !FileKind.IsRegularFile(path))
                {
                    continue;
                }

                var display = Join(work.Display, raw.Name);
                if (options.Filter is { } filter && !filter(display, isDirectory))
                {
                    continue;
                }

                if (raw.Settled)
                {
                    options.Lister!.Passed(isDirectory);
                    continue;
                }

                if (isDirectory)
                {
                    if (mounts is not null && mounts.Contains(path))
                    {
                        continue; // --one-file-system: another file system is mounted here
                    }

                    string? real = null;
                    if (options.FollowLinks)
                    {
                        real = isLink ? target! : Path.Join(work.Real, raw.Name);
                    }

                    var child = new DirectoryWork(display, path, node, work.Depth + 1, real, options.FollowLinks ? work : null,
                        work.GlobPath is null ? null : Join(work.GlobPath, raw.Name));
                    if (walker.Sequential)
                    {
                        // Depth-first in entry order, as ripgrep's single-threaded walk.
                        WalkRecursive(child);
                    }
                    else
                    {
                        children.Add(child);
                    }
                }
                else if (options.MaxFileSize is not { } maxSize || FileKind.Size(path) <= maxSize)
                {
                    Emit(new WalkEntry(display, IsExplicit: false, path));
                }
            }

            return children;
        }

        // By name, stably, as ripgrep sorts a directory's entries (time sorts are global, see RunSortedByTime).
        private static List<DirectoryEntry> Sorted(List<DirectoryEntry> entries, WalkOptions options) =>
            options.SortDescending
                ? [.. entries.OrderByDescending(e => e.Name, StringComparer.Ordinal)]
                : [.. entries.OrderBy(e => e.Name, StringComparer.Ordinal)];

        private static DirectoryWork? LoopAncestor(DirectoryWork? work, string real)
        {
            for (; work is not null; work = work.Up)
            {
                if (work.Real == real)
                {
                    return work;
                }
            }

            return null;
        }

        private static ReadOnlySpan<char> AbsoluteChild(string directory, string name, ref char[] buffer)
        {
            var prefix = directory.Length == 1 ? 0 : directory.Length;
            var length = prefix + 1 + name.Length;
            if (buffer.Length < length)
            {
                buffer = new char[length * 2];
            }

            directory.AsSpan(0, prefix).CopyTo(buffer);
            buffer[prefix] = '/';
            name.AsSpan().CopyTo(buffer.AsSpan(prefix + 1));
            return buffer.AsSpan(0, length);
        }
    }
}
