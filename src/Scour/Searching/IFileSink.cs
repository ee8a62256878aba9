namespace Scour.Searching;

/// <summary>
/// A sink that lives across files on one search thread: told when a file starts and ends. The CLI's
/// printers and the library's result collector both implement it.
/// </summary>
internal interface IFileSink : ISink, IDisposable
{
    /// <summary>Lines reported as matches in the current file.</summary>
    long MatchedLines { get; }

    /// <summary>Starts a file (<paramref name="path"/> as displayed; null for unnamed input).</summary>
    void Begin(string? path, BinaryMode binary);

    /// <summary>Ends the file; returns false when the whole run must stop (e.g. the output was closed).</summary>
    bool Finish(SearchResult result);

    /// <summary>
    /// Ends a file whose input failed part-way (a read error, a failed <c>--pre</c> command): what was
    /// reported stays, as ripgrep prints lines as it finds them, but nothing that sums up the file
    /// (a count, a path for <c>-l</c>) is produced. Returns false when the whole run must stop.
    /// </summary>
    bool Abandon() => Finish(default);
}
