namespace Scour.Walking;

/// <summary>Which files a walk yields. Defaults are ripgrep's. Immutable.</summary>
public sealed record WalkOptions
{
    /// <summary>Include hidden files and directories (names starting with <c>.</c>).</summary>
    public bool Hidden { get; init; }

    /// <summary>Honour <c>.gitignore</c>, <c>.git/info/exclude</c> and the global excludes file.</summary>
    public bool IgnoreVcs { get; init; } = true;

    /// <summary>Honour <c>.ignore</c> and <c>.rgignore</c>.</summary>
    public bool IgnoreDot { get; init; } = true;

    /// <summary>Honour ignore files in the directories above each search root.</summary>
    public bool IgnoreParent { get; init; } = true;

    /// <summary>Honour git's global excludes file (<c>core.excludesFile</c>).</summary>
    public bool IgnoreGlobal { get; init; } = true;

    /// <summary>Honour <c>.git/info/exclude</c>.</summary>
    public bool IgnoreExclude { get; init; } = true;

    /// <summary>Apply git's ignore rules only inside a git repository.</summary>
    public bool RequireGit { get; init; } = true;

    /// <summary>Descend at most this many directories below a root (0: the root only).</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Visit directory entries in name order, one thread (<c>--sort path</c>).</summary>
    public bool SortByPath
    {
        get => SortBy == WalkOrder.Path;
        init => SortBy = value ? WalkOrder.Path : WalkOrder.None;
    }

    /// <summary>The order of each directory's entries; any order but <see cref="WalkOrder.None"/> walks on one thread.</summary>
    public WalkOrder SortBy { get; init; }

    /// <summary>Reverse <see cref="SortBy"/> (<c>--sortr</c>).</summary>
    public bool SortDescending { get; init; }

    /// <summary>Globs that include or (with a leading <c>!</c>) exclude paths, over every ignore rule (<c>-g</c>, <c>--iglob</c>).</summary>
    public IReadOnlyList<(string Glob, bool CaseInsensitive)> Globs { get; init; } = [];

    /// <summary>File type selection (<c>-t</c>, <c>-T</c>), or null for none.</summary>
    public FileTypes? Types { get; init; }

    /// <summary>Skip walked files larger than this many bytes.</summary>
    public long? MaxFileSize { get; init; }

    /// <summary>Extra gitignore-format files with the lowest precedence (<c>--ignore-file</c>).</summary>
    public IReadOnlyList<string> IgnoreFiles { get; init; } = [];

    /// <summary>Match the rules of the per-directory ignore files without regard to case.</summary>
    public bool IgnoreFileCaseInsensitive { get; init; }

    /// <summary>Follow symbolic links (<c>-L</c>), reporting loops instead of walking them.</summary>
    public bool FollowLinks { get; init; }

    /// <summary>Do not cross into other file systems (<c>--one-file-system</c>).</summary>
    public bool OneFileSystem { get; init; }

    /// <summary>
    /// A final say on every walked path (as it would be printed) after all other rules let it through;
    /// return false to skip it (a skipped directory is not entered). Called concurrently.
    /// </summary>
    public Func<string, bool, bool>? Filter { get; init; }

    /// <summary>Walker threads; 0 chooses from the processor count.</summary>
    public int Threads { get; init; }

    /// <summary>
    /// True (the default) when an empty root means the working directory, walked with paths printed
    /// without a <c>./</c> prefix: what a search that names no path walks. False makes an empty root a
    /// path like any other, one that does not exist, as an empty argument is for rg.
    /// </summary>
    public bool EmptyRootIsWorkingDirectory { get; init; } = true;

    /// <summary>The directory that relative paths and the global excludes file are relative to.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Environment lookups (for <c>HOME</c>, <c>XDG_CONFIG_HOME</c>); null uses the process environment.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>Where directory listings come from (a search index); null reads every directory.</summary>
    internal IDirectoryLister? Lister { get; init; }
}
