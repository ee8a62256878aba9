using Scour.Walking;

namespace Scour.Indexing;

/// <summary>
/// Where indexes live: outside every tree, in <c>SCOUR_INDEX_DIR</c>, else <c>$XDG_CACHE_HOME/scour/index</c>,
/// else <c>~/.cache/scour/index</c>; one directory per indexed tree, named by a hash of the tree's
/// canonical path.
/// </summary>
internal sealed class IndexStore
{
    public const string TableName = "tree.scx";
    public const string LockName = "lock";
    public const string CorruptionNoted = "corrupt.noted";

    private IndexStore(string directory) => Directory = directory;

    /// <summary>The folder that holds every tree's index.</summary>
    public string Directory { get; }

    /// <summary>The store at <paramref name="directory"/>, or the environment's when null.</summary>
    public static IndexStore At(string? directory) => directory is null ? FromEnvironment() : new IndexStore(Path.GetFullPath(directory));

    /// <summary>The store the environment names (<paramref name="environment"/> defaults to the process's).</summary>
    public static IndexStore FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= System.Environment.GetEnvironmentVariable;
        var directory = environment("SCOUR_INDEX_DIR") is { Length: > 0 } explicitDirectory
            ? explicitDirectory
            : Path.Join(UserDirectory.Of(environment, overrideVariable: null, "XDG_CACHE_HOME", ".cache"), "index");
        return new IndexStore(Path.GetFullPath(directory));
    }

    /// <summary>The folder of the index of the tree at <paramref name="root"/> (a canonical absolute path).</summary>
    public string FolderOf(string root)
    {
        // Two FNV-1a hashes with different offsets: stable across runs, and no cryptography library to
        // load at start-up (the table inside names its root, which is checked).
        var bytes = FileNameEncoding.GetBytes(root);
        ulong a = 0xcbf29ce484222325, b = 0x84222325cbf29ce4;
        foreach (var c in bytes)
        {
            a = (a ^ c) * 0x100000001b3;
            b = (b ^ c) * 0x100000001b3;
        }

        return Path.Join(Directory, $"{a:x16}{b:x8}"[..24]);
    }

    /// <summary>
    /// The root of the indexed tree holding <paramref name="absolute"/> (itself or its nearest indexed
    /// ancestor), or null. One <c>stat</c> per ancestor.
    /// </summary>
    public string? FindRoot(string absolute)
    {
        for (var dir = absolute; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Join(FolderOf(dir), TableName)))
            {
                return dir;
            }
        }

        return null;
    }

    /// <summary>Every indexed tree: its root and folder.</summary>
    public IEnumerable<(string Root, string Folder)> All()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            yield break;
        }

        foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory))
        {
            var root = TreeTable.ReadRoot(Path.Join(folder, TableName));
            if (root is not null)
            {
                yield return (root, folder);
            }
        }
    }

    /// <summary>The canonical form of a tree's path: absolute, links resolved, no trailing separator.</summary>
    public static string Canonical(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return RealPath.Of(full) ?? full;
    }

    internal static string Describe(Exception e) => e is InvalidDataException ? e.Message : IoErrorText.Describe(e);
}
