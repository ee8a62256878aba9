namespace Scour.Indexing;

/// <summary>How far a build has come.</summary>
public sealed class IndexProgress
{
    /// <summary>Files read so far.</summary>
    public long FilesDone { get; init; }

    /// <summary>Files this build reads (new or changed ones, or all of them).</summary>
    public long FilesTotal { get; init; }

    /// <summary>Bytes read so far.</summary>
    public long BytesDone { get; init; }
}

/// <summary>What a build or update did.</summary>
public sealed class IndexReport
{
    /// <summary>The tree's canonical path.</summary>
    public required string Root { get; init; }

    /// <summary>Where its index lives.</summary>
    public required string Folder { get; init; }

    /// <summary>Regular files in the tree (outside <c>.git</c>).</summary>
    public long Files { get; init; }

    /// <summary>Files read this time.</summary>
    public long FilesRead { get; init; }

    /// <summary>Files whose n-grams were kept from the last build, unchanged.</summary>
    public long FilesReused { get; init; }

    /// <summary>Bytes read this time.</summary>
    public long BytesRead { get; init; }

    /// <summary>True when every file was read (no usable index before, or too much had changed).</summary>
    public bool Rebuilt { get; init; }

    /// <summary>Why the previous index could not be used, when it was damaged.</summary>
    public string? Damage { get; init; }

    /// <summary>How long it took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The generation of the table this build published.</summary>
    internal long Generation { get; init; }
}
