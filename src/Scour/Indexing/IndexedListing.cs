using Scour.Walking;

namespace Scour.Indexing;

/// <summary>
/// The walk's directory listings for an indexed tree. An unchanged directory's listing comes from the
/// index; a changed one is read, and its entries matched by name with what was recorded. Entries that
/// cannot print anything are marked settled: a file that is unchanged and lacks the pattern's
/// trigrams, or a directory that is unchanged, holds no ignore file a walk would warn about, and
/// holds only such entries.
/// Everything else (changed, new, unreadable, racy, not indexed) is walked and searched as without
/// an index.
/// </summary>
internal sealed class IndexedListing
{
    private readonly TreeTable _table;
    private readonly bool[] _settled;
    private readonly bool[] _fresh;

    private readonly Func<bool> _needsVerdict;

    // The directories a listing handed out that the walk will enter, by relative path, so that
    // entering one needs no lookup from the root.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _toEnter = new(StringComparer.Ordinal);

    /// <param name="table">The tree's table.</param>
    /// <param name="fresh">Which entries are unchanged.</param>
    /// <param name="candidates">The documents that may match.</param>
    /// <param name="needsVerdict">Whether the walk still runs its rules on settled entries (then they need their names).</param>
    public IndexedListing(TreeTable table, bool[] fresh, ulong[] candidates, Func<bool> needsVerdict)
    {
        _table = table;
        _needsVerdict = needsVerdict;
        _fresh = fresh;
        var nodes = table.Nodes;
        _settled = new bool[nodes.Length];

        // Children come after their parents (breadth-first), so one backward pass settles bottom-up.
        for (var i = nodes.Length - 1; i >= 0; i--)
        {
            ref readonly var n = ref nodes[i];
            switch (n.Kind)
            {
                case NodeKind.File:
                    _settled[i] = fresh[i] && n.Has(NodeFlags.Indexed) && !n.AnyDoc(candidates);
                    break;
                case NodeKind.Directory:
                    var settled = fresh[i] && n.Has(NodeFlags.Listed) && !n.Has(NodeFlags.HasIgnoreWarnings);
                    for (var c = n.FirstChild; settled && c < n.FirstChild + n.ChildCount; c++)
                    {
                        settled = nodes[c].Kind is NodeKind.Symlink or NodeKind.Other || _settled[c];
                    }

                    _settled[i] = settled;
                    break;
                default:
                    _settled[i] = false; // a link or special file is never searched without --follow
                    break;
            }
        }
    }

    /// <summary>The listing of the directory <paramref name="absolute"/> (<paramref name="relative"/> to the tree's root): stored, live with what is known, or live.</summary>
    public List<DirectoryEntry> Read(string absolute, string relative)
    {
        if (!_toEnter.TryRemove(relative, out var d))
        {
            d = _table.DirectoryAt(relative);
        }

        var nodes = _table.Nodes;
        if (d < 0 || !nodes[d].Has(NodeFlags.Listed))
        {
            return DirectoryReader.Read(absolute);
        }

        ref readonly var dir = ref nodes[d];
        if (_fresh[d])
        {
            // A settled entry the walk skips unseen needs no name, unless the rules look it up.
            var named = _needsVerdict();
            var stored = new List<DirectoryEntry>(dir.ChildCount);
            for (var c = dir.FirstChild; c < dir.FirstChild + dir.ChildCount; c++)
            {
                var name = _settled[c] && !named && !IgnoreRules.IsLookedUp(_table.NameBytes(c)) ? "" : _table.Name(c);
                stored.Add(new DirectoryEntry(name, (EntryKind)nodes[c].Kind, _settled[c]));
                if (!_settled[c] && nodes[c].Kind == NodeKind.Directory)
                {
                    _toEnter[Walker.Join(relative, name)] = c;
                }
            }

            return stored;
        }

        // Changed (an entry added, removed or renamed): the directory's own listing, with what is
        // still known of the entries that were there before.
        var live = DirectoryReader.Read(absolute);
        var byName = _table.ChildrenByName(d);

        for (var i = 0; i < live.Count; i++)
        {
            if (!byName.TryGetValue(live[i].Name, out var c) || (EntryKind)nodes[c].Kind != live[i].Kind)
            {
                continue;
            }

            if (_settled[c])
            {
                live[i] = live[i] with { Settled = true };
            }
            else if (live[i].Kind == EntryKind.Directory)
            {
                _toEnter[Walker.Join(relative, live[i].Name)] = c;
            }
        }

        return live;
    }
}
