using Scour.Walking;

namespace Scour.Indexing;

/// <summary>What an index holds, and how far the tree has moved on since it was built.</summary>
public sealed class IndexStatus
{
    /// <summary>The indexed tree.</summary>
    public required string Root { get; init; }

    /// <summary>Where the index lives.</summary>
    public required string Folder { get; init; }

    /// <summary>Files recorded.</summary>
    public long Files { get; init; }

    /// <summary>Files whose n-grams are in the index (the others are always read).</summary>
    public long IndexedFiles { get; init; }

    /// <summary>The recorded files' total size.</summary>
    public long TreeBytes { get; init; }

    /// <summary>The index files' total size.</summary>
    public long IndexBytes { get; init; }

    /// <summary>When the last build or update started.</summary>
    public DateTimeOffset BuiltAt { get; init; }

    /// <summary>Entries changed, added or deleted since (searched directly until the next update); null when the index is damaged.</summary>
    public long? Changed { get; init; }

    /// <summary>Why the index cannot be used, or null.</summary>
    public string? Damage { get; init; }
}

/// <summary>Reads an index's status: its table, the size of its files, and a freshness check of the whole tree.</summary>
internal static class IndexStatusReader
{
    public static IndexStatus Read(IndexStore store, string root, CancellationToken cancellationToken)
    {
        var folder = store.FolderOf(root);
        var indexBytes = Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length) : 0;
        using var tree = IndexedTree.TryOpen(store, root, _ => { });
        if (tree is null)
        {
            string damage;
            try
            {
                TreeTable.Read(Path.Join(folder, IndexStore.TableName)).Dispose();
                damage = "a posting segment is missing or damaged";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                damage = IndexStore.Describe(e);
            }

            return new IndexStatus { Root = root, Folder = folder, IndexBytes = indexBytes, Damage = damage };
        }

        var table = tree.Table;
        var fresh = Freshness.Check(table, [0], cancellationToken);
        long files = 0, indexed = 0, bytes = 0, changed = 0;
        for (var i = 0; i < table.Nodes.Length; i++)
        {
            ref readonly var n = ref table.Nodes[i];
            if (n.Kind == NodeKind.File)
            {
                files++;
                bytes += n.Size;
                indexed += n.Has(NodeFlags.Indexed) ? 1 : 0;
                changed += fresh[i] ? 0 : 1;
            }
            else if (n.Kind == NodeKind.Directory && n.Has(NodeFlags.Listed) && !fresh[i])
            {
                changed += Added(table, i);
            }
        }

        return new IndexStatus
        {
            Root = root,
            Folder = folder,
            Files = files,
            IndexedFiles = indexed,
            TreeBytes = bytes,
            IndexBytes = indexBytes,
            BuiltAt = DateTimeOffset.FromUnixTimeMilliseconds(table.BuiltAtNs / 1_000_000),
            Changed = changed,
        };
    }

    // Entries of a changed directory that the index does not know.
    private static long Added(TreeTable table, int d)
    {
        var known = table.ChildrenByName(d);

        try
        {
            return DirectoryReader.Read(Path.Join(table.Root, table.RelativePath(d))).Count(e => !known.ContainsKey(e.Name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
