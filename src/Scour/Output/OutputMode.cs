namespace Scour.Output;

/// <summary>What is printed for each searched file.</summary>
internal enum OutputMode
{
    /// <summary>Matching lines (the default).</summary>
    Lines,

    /// <summary>The number of matching lines per file (<c>-c</c>).</summary>
    Count,

    /// <summary>The number of matches per file (<c>--count-matches</c>).</summary>
    CountMatches,

    /// <summary>The paths of files with a match (<c>-l</c>).</summary>
    FilesWithMatches,

    /// <summary>The paths of files without a match (<c>--files-without-match</c>).</summary>
    FilesWithoutMatch,

    /// <summary>Nothing; only the exit code tells (<c>-q</c>).</summary>
    Quiet,

    /// <summary>ripgrep's JSON Lines protocol (<c>--json</c>).</summary>
    Json,
}
