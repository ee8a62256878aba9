namespace Scour.Indexing;

/// <summary>
/// The search index of one directory tree: n-gram postings of its files, kept outside the tree, that
/// let a search (<see cref="SearchBuilder.UseIndex"/>, or the <c>scour</c> command) skip the files
/// that cannot match. It is never stale: files changed since the last build are searched directly.
/// Linux only; elsewhere <see cref="Build"/> throws <see cref="PlatformNotSupportedException"/>.
/// </summary>
public sealed class SearchIndex
{
    private readonly IndexStore _store;

    private SearchIndex(IndexStore store, string root)
    {
        _store = store;
        Root = root;
    }

    /// <summary>Where indexes are kept by default: <c>SCOUR_INDEX_DIR</c>, else <c>$XDG_CACHE_HOME/scour/index</c>, else <c>~/.cache/scour/index</c>.</summary>
    public static string DefaultDirectory => IndexStore.FromEnvironment().Directory;

    /// <summary>The indexed tree's canonical path.</summary>
    public string Root { get; }

    /// <summary>The folder holding this tree's index files.</summary>
    public string Folder => _store.FolderOf(Root);

    /// <summary>Builds the index of <paramref name="root"/>, or brings it up to date (reading only what changed).</summary>
    /// <param name="root">The tree to index.</param>
    /// <param name="indexDirectory">Where indexes are kept; null for <see cref="DefaultDirectory"/>.</param>
    /// <param name="progress">Told after each batch of files.</param>
    /// <param name="cancellationToken">Stops the build; the previous index (if any) stays in use.</param>
    public static IndexReport Build(string root, string? indexDirectory = null, IProgress<IndexProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!FileStamp.Supported)
        {
            throw new PlatformNotSupportedException("search indexes need Linux (statx and O_PATH)");
        }

        var canonical = IndexStore.Canonical(root);
        if (!Directory.Exists(canonical))
        {
            throw new DirectoryNotFoundException($"{root}: not a directory");
        }

        return new IndexBuilder(IndexStore.At(indexDirectory), canonical, progress).Run(cancellationToken);
    }

    /// <summary>The index of the tree at <paramref name="root"/> (exactly that tree), or null when it has none.</summary>
    public static SearchIndex? Open(string root, string? indexDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var store = IndexStore.At(indexDirectory);
        var canonical = IndexStore.Canonical(root);
        return File.Exists(Path.Join(store.FolderOf(canonical), IndexStore.TableName)) ? new SearchIndex(store, canonical) : null;
    }

    /// <summary>Every indexed tree in <paramref name="indexDirectory"/> (null for <see cref="DefaultDirectory"/>).</summary>
    public static IReadOnlyList<SearchIndex> All(string? indexDirectory = null)
    {
        var store = IndexStore.At(indexDirectory);
        return [.. store.All().Select(t => new SearchIndex(store, t.Root))];
    }

    /// <summary>What the index holds and how much of the tree changed since it was built (stamps every entry).</summary>
    public IndexStatus Status(CancellationToken cancellationToken = default) => IndexStatusReader.Read(_store, Root, cancellationToken);

    /// <summary>Deletes this index; searches of the tree then read every file.</summary>
    public void Drop()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
