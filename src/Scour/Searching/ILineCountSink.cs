namespace Scour.Searching;

/// <summary>
/// A sink that, for the current file, needs only how many lines match (<c>-c</c>): the searcher may
/// then count whole runs of matching lines at once instead of reporting each one.
/// </summary>
internal interface ILineCountSink : ISink
{
    /// <summary>True if <see cref="AddMatchedLines"/> may stand in for <see cref="ISink.Matched"/> calls.</summary>
    bool CountsLinesOnly { get; }

    /// <summary>Adds <paramref name="count"/> matching lines, as that many <see cref="ISink.Matched"/> calls would.</summary>
    void AddMatchedLines(long count);
}
