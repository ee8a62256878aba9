using System.Text;
using Scour.Matching;
using Scour.Searching;

namespace Scour.Tests.Searching;

/// <summary>
/// The searcher against a deliberately naive reference (split all lines, mark matches, apply context,
/// inversion and max-count rules one line at a time) on random inputs, with tiny buffers so that
/// lines and context cross buffer boundaries, plus focused cases for binary data and encodings.
/// </summary>
public class SearcherTests
{
    private sealed class RecordingSink : ISink
    {
        public List<string> Events { get; } = [];

        public long? Binary { get; private set; }

        public bool Matched(in SinkLine line)
        {
            Events.Add($"M{line.LineNumber}:{Encoding.UTF8.GetString(line.Bytes)}");
            return true;
        }

        public bool Context(in SinkLine line, ContextKind kind)
        {
            Events.Add($"C{line.LineNumber}:{Encoding.UTF8.GetString(line.Bytes)}");
            return true;
        }

        public bool ContextBreak()
        {
            Events.Add("--");
            return true;
        }

        public bool BinaryData(long absoluteOffset)
        {
            Binary = absoluteOffset;
            return true;
        }
    }

    internal sealed class ChunkedSource(byte[] data, int maxChunk) : IByteSource
    {
        private int _pos;

        public int Read(Span<byte> destination)
        {
            var n = Math.Min(Math.Min(destination.Length, maxChunk), data.Length - _pos);
            data.AsSpan(_pos, n).CopyTo(destination);
            _pos += n;
            return n;
        }
    }

    private static List<string> Run(string text, string pattern, SearcherOptions options, int capacity = 16, int chunk = 7)
    {
        var compiled = CompiledPattern.Compile(new PatternOptions { Patterns = [pattern] });
        using var matcher = compiled.CreateMatcher();
        using var searcher = new StreamSearcher(options, capacity);
        var sink = new RecordingSink();
        searcher.Search(new ChunkedSource(Encoding.UTF8.GetBytes(text), chunk), matcher, sink, CancellationToken.None);
        return sink.Events;
    }

    // The reference: what grep-like tools print, computed line by line with no buffering at all.
    private static List<string> Reference(string text, string pattern, SearcherOptions o)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        var regex = new System.Text.RegularExpressions.Regex(pattern);
        var isMatch = lines.Select(l => regex.IsMatch(l.TrimEnd('\n')) != o.InvertMatch).ToArray();
        var events = new List<string>();
        var lastPrinted = -1;
        var matches = 0L;
        var afterLeft = 0;
        var contextOn = o.BeforeContext > 0 || o.AfterContext > 0;
        void Emit(int i, bool match)
        {
            if (contextOn && lastPrinted >= 0 && i > lastPrinted + 1)
            {
                events.Add("--");
            }

            events.Add($"{(match ? 'M' : 'C')}{(o.LineNumbers ? i + 1 : 0)}:{lines[i]}");
            lastPrinted = i;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (o.MaxCount is { } max && matches >= max)
            {
                if (afterLeft > 0)
                {
                    Emit(i, isMatch[i]); // rg 15: a match in the last window is reported as one (it does not widen it)
                    afterLeft--;
                    continue;
                }

                break;
            }

            if (isMatch[i])
            {
                for (var b = Math.Max(lastPrinted + 1, i - o.BeforeContext); b < i; b++)
                {
                    Emit(b, false);
                }

                Emit(i, true);
                matches++;
                afterLeft = o.AfterContext;
            }
            else if (afterLeft > 0)
            {
                Emit(i, false);
                afterLeft--;
            }
        }

        return events;
    }

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 60));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Agrees_with_a_line_by_line_reference(int seed)
    {
        var random = new Random(seed);
        var words = new[] { "alpha", "beta", "gamma", "match", "x", "", "delta match", "ümlaut", "a longer line of filler text" };
        var sb = new StringBuilder();
        var lineCount = random.Next(0, 60);
        for (var i = 0; i < lineCount; i++)
        {
            sb.Append(words[random.Next(words.Length)]);
            if (i < lineCount - 1 || random.Next(2) == 0)
            {
                sb.Append('\n');
            }
        }

        var text = sb.ToString();
        var pattern = new[] { "match", "^a", "a$", "[bg]e", "^$", "l+" }[random.Next(6)];
        var options = new SearcherOptions
        {
            InvertMatch = random.Next(4) == 0,
            LineNumbers = random.Next(2) == 0,
            BeforeContext = random.Next(3),
            AfterContext = random.Next(3),
            MaxCount = random.Next(3) == 0 ? random.Next(0, 4) : null,
            Binary = BinaryMode.None,
        };

        // -v after -m's last line with after-context open prints differently where a read ends (as rg's
        // fast searcher does; BinaryFirstReadTests and StopOnNonmatchTests check it against rg), which
        // this reference, and these tiny buffers, know nothing of.
        if (options.InvertMatch && options.MaxCount is not null)
        {
            options = options with { AfterContext = 0 };
        }

        var expected = Reference(text, pattern, options);
        var actual = Run(text, pattern, options, capacity: 8 + random.Next(40), chunk: 1 + random.Next(20));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Stop_on_nonmatch_ends_the_file_at_the_first_gap_after_a_match()
    {
        var options = new SearcherOptions { LineNumbers = true, StopOnNonmatch = true, AfterContext = 1 };
        // As rg 15.2 (checked by hand): the non-matching line is printed as after-context, then the end.
        Assert.Equal(["M2:a1\n", "M3:a2\n", "C4:b\n"], Run("x\na1\na2\nb\na3\n", "a", options));
        Assert.Equal(["M1:b1\n", "M2:b2\n"], Run("b1\nb2\na\nb3\n", "a", options with { InvertMatch = true, AfterContext = 0 }));
    }

    [Fact]
    public void A_line_longer_than_the_buffer_is_found_whole()
    {
        var longLine = new string('x', 5000) + "needle" + new string('y', 5000);
        var events = Run("a\n" + longLine + "\nb\n", "needle", new SearcherOptions { LineNumbers = true }, capacity: 64, chunk: 100);
        Assert.Equal(["M2:" + longLine + "\n"], events);
    }

    [Fact]
    public void Quit_mode_stops_before_the_buffer_holding_a_nul()
    {
        // Both lines are in the first (only) buffer with the NUL: nothing is searched, as in ripgrep.
        var compiled = CompiledPattern.Compile(new PatternOptions { Patterns = ["hello"] });
        using var matcher = compiled.CreateMatcher();
        using var searcher = new StreamSearcher(new SearcherOptions());
        var sink = new RecordingSink();
        var result = searcher.Search(new ChunkedSource("hello\nhello\0\n"u8.ToArray(), 1 << 20), matcher, sink, BinaryMode.Quit, CancellationToken.None);
        Assert.Empty(sink.Events);
        Assert.Equal(11, result.BinaryOffset);
    }

    [Fact]
    public void Convert_mode_reports_the_nul_and_goes_on()
    {
        var compiled = CompiledPattern.Compile(new PatternOptions { Patterns = ["b"] });
        using var matcher = compiled.CreateMatcher();
        using var searcher = new StreamSearcher(new SearcherOptions { LineNumbers = true });
        var sink = new RecordingSink();
        searcher.Search(new ChunkedSource("a\0b\n"u8.ToArray(), 100), matcher, sink, BinaryMode.Convert, CancellationToken.None);
        Assert.Equal(1, sink.Binary);
        Assert.Equal(["M2:b\n"], sink.Events); // the NUL became a line break
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i', (byte)'\n' }, "M1:hi\n")]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'h', 0, (byte)'i', 0, (byte)'\n', 0 }, "M1:hi\n")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'h', 0, (byte)'i', 0, (byte)'\n' }, "M1:hi\n")]
    public void Byte_order_marks_are_handled(byte[] input, string expected)
    {
        var compiled = CompiledPattern.Compile(new PatternOptions { Patterns = ["hi"] });
        using var matcher = compiled.CreateMatcher();
        using var searcher = new StreamSearcher(new SearcherOptions { LineNumbers = true });
        var sink = new RecordingSink();
        searcher.Search(new ChunkedSource(input, 3), matcher, sink, CancellationToken.None);
        Assert.Equal([expected], sink.Events);
    }

    [Fact]
    public void Cancellation_is_observed()
    {
        var compiled = CompiledPattern.Compile(new PatternOptions { Patterns = ["x"] });
        using var matcher = compiled.CreateMatcher();
        using var searcher = new StreamSearcher(new SearcherOptions());
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
            searcher.Search(new ChunkedSource("x\n"u8.ToArray(), 10), matcher, new RecordingSink(), cts.Token));
    }
}
