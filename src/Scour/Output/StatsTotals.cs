using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Scour.Output;

/// <summary>The totals <c>--stats</c> prints after a search, in ripgrep's words. Thread-safe.</summary>
internal sealed class StatsTotals
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _matches;
    private long _matchedLines;
    private long _filesWithMatch;
    private long _filesSearched;
    private long _bytesPrinted;
    private long _bytesSearched;
    private long _searchTicks;

    public void Add(long matches, long matchedLines, long bytesPrinted, long bytesSearched, TimeSpan elapsed)
    {
        Interlocked.Add(ref _matches, matches);
        Interlocked.Add(ref _matchedLines, matchedLines);
        Interlocked.Increment(ref _filesSearched);
        if (matchedLines > 0)
        {
            Interlocked.Increment(ref _filesWithMatch);
        }

        Interlocked.Add(ref _bytesPrinted, bytesPrinted);
        Interlocked.Add(ref _bytesSearched, bytesSearched);
        Interlocked.Add(ref _searchTicks, elapsed.Ticks);
    }

    /// <summary>Output that belongs to no file (the separators between files), which rg counts as printed.</summary>
    public void AddPrinted(long bytes) => Interlocked.Add(ref _bytesPrinted, bytes);

    public byte[] Render()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("\n");
        sb.Append(c, $"{_matches} matches\n");
        sb.Append(c, $"{_matchedLines} matched lines\n");
        sb.Append(c, $"{_filesWithMatch} files contained matches\n");
        sb.Append(c, $"{_filesSearched} files searched\n");
        sb.Append(c, $"{_bytesPrinted} bytes printed\n");
        sb.Append(c, $"{_bytesSearched} bytes searched\n");
        sb.Append(c, $"{TimeSpan.FromTicks(_searchTicks).TotalSeconds:0.000000} seconds spent searching\n");
        sb.Append(c, $"{_clock.Elapsed.TotalSeconds:0.000000} seconds total\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
