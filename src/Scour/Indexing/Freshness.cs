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
        var directories = new List<int>();
        var stack = new Stack<int>(scope);
        while (stack.TryPop(out var d))
        {
            directories.Add(d);
            ref readonly var dir = ref nodes[d];
            if (!dir.Has(NodeFlags.Listed))
            {
                continue;
            }

            for (var c = dir.FirstChild; c < dir.FirstChild + dir.ChildCount; c++)
            {
                if (nodes[c].Kind == NodeKind.Directory)
                {
                    stack.Push(c);
                }
            }
        }

        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, directories.Count, 64),
            new ParallelOptions { CancellationToken = cancellationToken },
            range =>
            {
                Span<byte> name = stackalloc byte[260];
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    CheckDirectory(table, directories[i], fresh, name);
                }
            });
        return fresh;
    }

    private static void CheckDirectory(TreeTable table, int d, bool[] fresh, Span<byte> name)
    {
        var nodes = table.Nodes;
        ref readonly var dir = ref nodes[d];
        var path = d == 0 ? table.Root : Path.Join(table.Root, table.DirectoryPaths[d]);
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

                var bytes = table.NameBytes(c);
                bytes.CopyTo(name);
                name[bytes.Length] = 0;
                fresh[c] = !child.Has(NodeFlags.Racy) && FileStamp.Of(fd, name[..(bytes.Length + 1)]) is { } now && child.SameAs(now);
            }
        }
        finally
        {
            DirectoryHandle.Close(fd);
        }
    }
}
