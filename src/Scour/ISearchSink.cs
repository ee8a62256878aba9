using Scour.Searching;

namespace Scour;

/// <summary>
/// Push-style results for consumers that want no per-line allocation: the searcher calls
/// <see cref="BeginFile"/> on a search thread, streams that file's lines to the returned
/// <see cref="ISink"/> on the same thread, then calls <see cref="EndFile"/>. Files are searched in
/// parallel, so these methods are called concurrently for different files.
/// </summary>
public interface ISearchSink
{
    /// <summary>A file is about to be searched; returns the sink for its lines (null to only count them).</summary>
    ISink? BeginFile(string path);

    /// <summary>The file is done; <paramref name="matchedLines"/> is the number of matching lines.</summary>
    void EndFile(string path, SearchResult result, long matchedLines);

    /// <summary>A file or directory could not be searched (<paramref name="path"/> may be null for a general problem).</summary>
    void Failed(string? path, string message);
}
