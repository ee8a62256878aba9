using System.Diagnostics;

namespace Scour;

/// <summary>Totals of one search over all files. Thread-safe while the search runs.</summary>
public sealed class SearchSummary
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _filesSearched;
    private long _filesMatched;
    private long _matchedLines;
    private long _bytesSearched;
    private long _errors;

    /// <summary>Files opened and searched.</summary>
    public long FilesSearched => Interlocked.Read(ref _filesSearched);

    /// <summary>Files with at least one matching line.</summary>
    public long FilesMatched => Interlocked.Read(ref _filesMatched);

    /// <summary>Matching lines in all files.</summary>
    public long MatchedLines => Interlocked.Read(ref _matchedLines);

    /// <summary>Bytes read and searched.</summary>
    public long BytesSearched => Interlocked.Read(ref _bytesSearched);

    /// <summary>Problems reported (missing paths, unreadable files and directories).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Wall-clock time of the search.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>True if the search stopped because its output was closed (e.g. <c>| head</c>).</summary>
    public bool OutputClosed { get; internal set; }

    /// <summary>
    /// Files an index showed could not match, so they were not read (counted until the first: what
    /// matters is whether the walk reached any file).
    /// </summary>
    internal long SettledFiles { get; private set; }

    /// <summary>Directories an index showed could not hold a match, so they were not entered (counted until the first settled file).</summary>
    internal long SettledDirectories { get; private set; }

    internal void Settled(long files, long directories)
    {
        SettledFiles += files;
        SettledDirectories += directories;
    }

    internal void Searched(bool matched, long matchedLines, long bytes)
    {
        Interlocked.Increment(ref _filesSearched);
        Interlocked.Add(ref _matchedLines, matchedLines);
        Interlocked.Add(ref _bytesSearched, bytes);
        if (matched)
        {
            Interlocked.Increment(ref _filesMatched);
        }
    }

    internal void Error() => Interlocked.Increment(ref _errors);

    internal void Finish() => _clock.Stop();

    /// <summary>The totals of two searches added together.</summary>
    public static SearchSummary Combine(SearchSummary a, SearchSummary b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var sum = new SearchSummary
        {
            _filesSearched = a.FilesSearched + b.FilesSearched,
            _filesMatched = a.FilesMatched + b.FilesMatched,
            _matchedLines = a.MatchedLines + b.MatchedLines,
            _bytesSearched = a.BytesSearched + b.BytesSearched,
            _errors = a.Errors + b.Errors,
            OutputClosed = a.OutputClosed || b.OutputClosed,
            SettledFiles = a.SettledFiles + b.SettledFiles,
            SettledDirectories = a.SettledDirectories + b.SettledDirectories,
        };
        sum._clock.Stop();
        return sum;
    }
}
