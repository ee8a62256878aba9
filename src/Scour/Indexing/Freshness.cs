using Scour.Walking;

namespace Scour.Indexing;

/// <summary>
/// Which recorded entries are still what the index saw: every directory in scope and every entry in
/// it is stamped again (in parallel, by name within each directory) and compared, field by field,
/// with what was recorded. An entry marked racy is never fresh. Anything in doubt is not fresh.
/// </summary>
internal static class Freshness
{
    /// <summary>A flag per node: true when it is unchanged. Only nodes below <paramref name="scope"/> (directory nodes) are checked.</summary>
    public static bool[] Check(TreeTable table, IReadOnlyList<int> scope, CancellationToken cancellationToken)
    {
        var nodes = table.Nodes;
        var fresh = new bool[nodes.Length];
        // Each directory's path is built on the way down: only directories in scope need one.
        var directories = new List<(int Node, string Path)>();
        var stack = new Stack<(int, string)>(scope.Select(d => (d, d == 0 ? table.Root : Path.Join(table.Root, table.RelativePath(d)))));
        while (stack.TryPop(out var top))
        {
            directories.Add(top);
            var (d, path) = top;
            ref readonly var dir = ref nodes[d];
            if (!dir.Has(NodeFlags.Listed))
            {
                continue;
            }

            for (var c = dir.FirstChild; c < dir.FirstChild + dir.ChildCount; c++)
            {
                if (nodes[c].Kind == NodeKind.Directory)
                {
                    stack.Push((c, Path.Join(path, table.Name(c))));
                }
            }
        }

        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, directories.Count, 16),
            new ParallelOptions { CancellationToken = cancellationToken },
            range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    CheckDirectory(table, directories[i].Node, directories[i].Path, fresh);
                }
            });
        return fresh;
    }

    /// <summary>
    /// The same flags from a watcher's list of changed paths instead of stamping everything: entries
    /// not named (nor inside a named subtree) are unchanged, except racy ones, and files with other hard
    /// links, which are stamped again.
    /// </summary>
    public static bool[] FromChanges(TreeTable table, HashSet<string> changed)
    {
        var nodes = table.Nodes;
        var fresh = new bool[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            ref readonly var n = ref nodes[i];
            fresh[i] = !n.Has(NodeFlags.Racy) &&
                (!n.Has(NodeFlags.MultiLink) || (FileStamp.Of(Path.Join(table.Root, table.RelativePath(i))) is { } now && n.SameAs(now)));
        }

        foreach (var path in changed)
        {
            if (path.EndsWith('/'))
            {
                var top = table.DirectoryAt(path.TrimEnd('/'));
                var stack = new Stack<int>();
                if (top >= 0)
                {
                    stack.Push(top);
                }

                while (stack.TryPop(out var d))
                {
                    fresh[d] = false;
                    for (var c = nodes[d].FirstChild; nodes[d].Has(NodeFlags.Listed) && c < nodes[d].FirstChild + nodes[d].ChildCount; c++)
                    {
                        fresh[c] = false;
                        if (nodes[c].Kind == NodeKind.Directory)
                        {
                            stack.Push(c);
                        }
                    }
                }
            }
            else if (table.DirectoryAt(path) is >= 0 and var dir)
            {
                fresh[dir] = false;
            }
            else if (table.DirectoryAt(Path.GetDirectoryName(path) ?? "") is >= 0 and var parent && nodes[parent].Has(NodeFlags.Listed))
            {
                if (table.ChildNamed(parent, FileNameEncoding.GetBytes(Path.GetFileName(path))) is >= 0 and var c)
                {
                    fresh[c] = false;
                }
            }
        }

        return fresh;
    }

    private static void CheckDirectory(TreeTable table, int d, string path, bool[] fresh)
    {
        var nodes = table.Nodes;
        ref readonly var dir = ref nodes[d];
        var fd = DirectoryHandle.Open(path);
        if (fd < 0)
        {
            return;
        }

        try
        {
            fresh[d] = FileStamp.Of(fd) is { } own && dir.SameAs(own) && !dir.Has(NodeFlags.Racy);
            if (!dir.Has(NodeFlags.Listed))
            {
                return;
            }

            for (var c = dir.FirstChild; c < dir.FirstChild + dir.ChildCount; c++)
            {
                ref readonly var child = ref nodes[c];
                if (child.Kind != NodeKind.File)
                {
                    continue; // a directory is checked as one; links and special files are never searched
                }

                fresh[c] = !child.Has(NodeFlags.Racy) && FileStamp.Of(fd, table.NameBytes(c)) is { } now && child.SameAs(now);
            }
        }
        finally
        {
            DirectoryHandle.Close(fd);
        }
    }
}
