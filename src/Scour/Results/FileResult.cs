namespace Scour.Results;

/// <summary>What a search found in one file, or why the file could not be searched.</summary>
public sealed class FileResult
{
    internal FileResult(string path, IReadOnlyList<LineResult> lines, long matchedLines, long? binaryOffset, string? error)
    {
        Path = path;
        Lines = lines;
        MatchedLines = matchedLines;
        BinaryOffset = binaryOffset;
        Error = error;
    }

    /// <summary>The path: the root as given joined with the names below it.</summary>
    public string Path { get; }

    /// <summary>Matching and context lines, in file order.</summary>
    public IReadOnlyList<LineResult> Lines { get; }

    /// <summary>The number of matching lines.</summary>
    public long MatchedLines { get; }

    /// <summary>Where a NUL byte was found, if the file looks binary (reported lines stop there).</summary>
    public long? BinaryOffset { get; }

    /// <summary>Why the file could not be searched (it has no lines then), or null.</summary>
    public string? Error { get; }

    /// <summary>True if the file has at least one match.</summary>
    public bool HasMatch => MatchedLines > 0;

    /// <inheritdoc/>
    public override string ToString() => Error is null ? $"{Path}: {MatchedLines} matching lines" : $"{Path}: {Error}";
}
