using Scour.Matching;
using Scour.Matching.Syntax;
using Scour.Searching;
using Scour.Walking;

namespace Scour.Indexing;

/// <summary>
/// Puts the indexes of the trees a search walks to use: for each indexed tree under the search's
/// roots, the trigram query picks the candidate files, a freshness check finds what changed, and the
/// walk gets listings in which everything else is settled. The walk and the search are otherwise the
/// ones an unindexed search runs, so the output is the same bytes.
/// </summary>
internal sealed class IndexedSearch : IDirectoryLister, IDisposable
{
    /// <summary>Above this share of a tree's files as candidates, the index is not used: reading them all is no slower.</summary>
    public const double MaxCandidateShare = 0.5;

    private readonly List<(string Root, IndexedListing Listing, IndexedTree Tree)> _trees = [];
    private long _settledFiles;
    private long _settledDirectories;

    private IndexedSearch()
    {
    }

    /// <summary>Files passed over.</summary>
    public long SettledFiles => Interlocked.Read(ref _settledFiles);

    /// <summary>Directories passed over.</summary>
    public long SettledDirectories => Interlocked.Read(ref _settledDirectories);

    /// <summary>
    /// What a run of <paramref name="pattern"/> calls before its walk to put indexes to use, or null (said
    /// through <paramref name="debug"/>) when these options may not use one (see <see cref="IndexEligibility"/>).
    /// </summary>
    public static Func<IReadOnlyList<string>, CancellationToken, IndexedSearch?>? For(IndexStore store, CompiledPattern pattern, SearcherOptions searcher, WalkOptions walk, bool silentWithoutMatch, Action<string> onWarning, Action<string>? debug)
    {
        if (!IndexEligibility.Allows(pattern, searcher, walk, silentWithoutMatch))
        {
            debug?.Invoke("not used: these flags or this pattern print or search what an index cannot answer for");
            return null;
        }

        // An empty root is the working directory only where the walk takes it so (otherwise a missing path).
        return (roots, token) => Prepare(store, pattern.IndexTree!, !pattern.IsMultiline,
            walk.EmptyRootIsWorkingDirectory ? roots : [.. roots.Where(r => r.Length > 0)], walk.WorkingDirectory, onWarning, debug, token);
    }

    /// <summary>
    /// Prepares the search of <paramref name="roots"/> for <paramref name="tree"/> (the pattern as parsed;
    /// <paramref name="withinLines"/> when no match can cross a line terminator),
    /// or returns null when no root lies in a usable index or the pattern selects too much.
    /// </summary>
    private static IndexedSearch? Prepare(IndexStore store, RegexNode tree, bool withinLines, IReadOnlyList<string> roots, string? workingDirectory, Action<string> onWarning, Action<string>? debug, CancellationToken cancellationToken)
    {
        try
        {
            return TryPrepare(store, tree, withinLines, roots, workingDirectory, onWarning, debug ?? (_ => { }), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null; // an index that cannot be read is only a slower search
        }
    }

    private static IndexedSearch? TryPrepare(IndexStore store, RegexNode tree, bool withinLines, IReadOnlyList<string> roots, string? workingDirectory, Action<string> onWarning, Action<string> debug, CancellationToken cancellationToken)
    {
        var query = TrigramPlanner.Plan(tree);
        if (query == TrigramQuery.All)
        {
            debug("not used: the pattern has no trigram every match must contain");
            return null;
        }

        var search = new IndexedSearch();
        var scopes = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var opened = new Dictionary<string, IndexedTree?>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            var target = root.Length == 0 ? "." : root;
            var absolute = Path.TrimEndingDirectorySeparator(workingDirectory is null ? Path.GetFullPath(target) : Path.GetFullPath(target, workingDirectory));
            if (!Directory.Exists(absolute) || RealPath.Of(absolute) != absolute || store.FindRoot(absolute) is not { } indexRoot)
            {
                continue; // a file, a missing path, or a path through a link: walked as without an index
            }

            if (!opened.TryGetValue(indexRoot, out var index))
            {
                opened[indexRoot] = index = IndexedTree.TryOpen(store, indexRoot, onWarning);
            }

            var node = index?.Table.DirectoryAt(Relative(indexRoot, absolute) ?? "-");
            if (index is null || node is null or < 0)
            {
                continue;
            }

            if (!scopes.TryGetValue(indexRoot, out var scope))
            {
                scopes[indexRoot] = scope = [];
            }

            scope.Add(node.Value);
        }

        foreach (var (indexRoot, scope) in scopes)
        {
            var index = opened[indexRoot]!;

            // A watcher answers what changed; without one, every entry in scope is stamped again, which
            // is most of an indexed search's time: it runs on the other cores while the query picks its
            // candidates, and it always ends before the index can be closed.
            var changed = WatchProtocol.Ask(index.Folder, index.Table.Generation);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var stamping = changed is null ? Task.Run(() => Freshness.Check(index.Table, scope, stop.Token), stop.Token) : null;
            ulong[]? candidates;
            bool[] fresh;
            try
            {
                candidates = index.Candidates(query, withinLines, MaxCandidateShare);
                fresh = candidates is null ? [] : stamping?.GetAwaiter().GetResult() ?? Freshness.FromChanges(index.Table, changed!);
            }
            catch (InvalidDataException e)
            {
                onWarning($"the index of {indexRoot} is damaged and is not used (run 'scour index {indexRoot}' to rebuild it): {e.Message}");
                continue;
            }
            finally
            {
                Settle(stamping, stop);
            }

            if (candidates is null)
            {
                debug($"not used for {indexRoot}: the pattern's trigrams are in more than half of its files");
                continue;
            }

            debug($"{indexRoot}: {IndexedTree.Count(candidates):N0} candidate files of {index.Table.NextDoc:N0} indexed, query {query}; " +
                (changed is null ? "every entry stamped (no watcher)" : $"{changed.Count:N0} changed paths from the watcher"));
            search._trees.Add((indexRoot, new IndexedListing(index.Table, fresh, candidates, () => search.NeedsVerdict), index));
        }

        foreach (var index in opened.Values)
        {
            if (index is not null && !search._trees.Exists(t => t.Tree == index))
            {
                index.Dispose();
            }
        }

        return search._trees.Count == 0 ? null : search;
    }

    // A check no longer needed is stopped, and waited for: it reads the table the caller may close next.
    private static void Settle(Task? stamping, CancellationTokenSource stop)
    {
        if (stamping is null || stamping.IsCompleted)
        {
            return;
        }

        stop.Cancel();
        try
        {
            stamping.Wait(CancellationToken.None);
        }
        catch (AggregateException)
        {
            // cancelled, or failed: either way its answer is not used
        }
    }

    /// <summary><paramref name="absolute"/> relative to <paramref name="root"/> ("" for the root itself), or null when outside it.</summary>
    internal static string? Relative(string root, string absolute) =>
        absolute == root ? "" :
        absolute.Length > root.Length && absolute.StartsWith(root, StringComparison.Ordinal) && (absolute[root.Length] == '/' || root == "/") ? absolute[(root == "/" ? 1 : root.Length + 1)..] :
        null;

    public List<DirectoryEntry> Read(string absolute)
    {
        foreach (var (root, listing, _) in _trees)
        {
            if (Relative(root, absolute) is { } relative)
            {
                return listing.Read(absolute, relative);
            }
        }

        return DirectoryReader.Read(absolute);
    }

    // The search only asks whether a settled file passed the rules (see SearchSummary.SettledFiles).
    public bool NeedsVerdict => Interlocked.Read(ref _settledFiles) == 0;

    public void Passed(bool isDirectory) => Interlocked.Increment(ref isDirectory ? ref _settledDirectories : ref _settledFiles);

    public void Dispose()
    {
        foreach (var t in _trees)
        {
            t.Tree.Dispose();
        }
    }
}
