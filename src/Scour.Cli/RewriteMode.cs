namespace Scour.Cli;

/// <summary>What the command does with the -r replacement: print it (ripgrep's meaning) or rewrite files.</summary>
internal enum RewriteMode
{
    /// <summary>A search; -r only changes what is printed.</summary>
    None,

    /// <summary><c>--diff</c>: print what would change.</summary>
    Diff,

    /// <summary><c>--write</c>: change the files.</summary>
    Write,

    /// <summary><c>--interactive</c>: show each file's diff and ask before changing it.</summary>
    Interactive,
}
