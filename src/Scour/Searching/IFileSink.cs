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
}
