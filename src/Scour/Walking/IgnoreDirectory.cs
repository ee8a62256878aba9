namespace Scour.Walking;

/// <summary>
/// The ignore state of one directory: its own ignore files, whether it is a git repository root, and
/// a link to its parent, so a path is judged by walking up the chain (nearest rules first).
/// </summary>
internal sealed class IgnoreDirectory
{
    public IgnoreDirectory(IgnoreDirectory? parent, string absolutePath, bool isAbsoluteParent)
    {
        Parent = parent;
        AbsolutePath = absolutePath;
        IsAbsoluteParent = isAbsoluteParent;
    }

    public IgnoreDirectory? Parent { get; }

    /// <summary>The directory's absolute path, without a trailing slash (except for the root <c>/</c>).</summary>
    public string AbsolutePath { get; }

    /// <summary>True for directories above a search root (their rules apply unless <c>--no-ignore-parent</c>).</summary>
    public bool IsAbsoluteParent { get; }

    public IgnoreFile? Rgignore { get; set; }

    public IgnoreFile? Ignore { get; set; }

    public IgnoreFile? Gitignore { get; set; }

    public IgnoreFile? Exclude { get; set; }

    /// <summary>True if the directory holds <c>.git</c> (a directory, or a file for worktrees).</summary>
    public bool HasGit { get; set; }

    /// <summary>True if this directory or one above it holds <c>.git</c>.</summary>
    public bool InRepository => HasGit || (Parent?.InRepository ?? false);

    /// <summary>True if any ignore file applies here or above.</summary>
    public bool HasRules { get; set; }

    /// <summary>The part of <paramref name="absolutePath"/> below this directory.</summary>
    public ReadOnlySpan<char> Relative(ReadOnlySpan<char> absolutePath) =>
        AbsolutePath.Length == 1 ? absolutePath[1..] : absolutePath[(AbsolutePath.Length + 1)..];
}
