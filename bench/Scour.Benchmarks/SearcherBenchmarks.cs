using BenchmarkDotNet.Attributes;
using Scour.Matching;
using Scour.Searching;

namespace Scour.Benchmarks;

/// <summary>The stream searcher end to end on an in-memory file: buffering, line counting, reporting to a sink.</summary>
[MemoryDiagnoser]
public class SearcherBenchmarks
{
    private CompiledPattern _pattern = null!;
    private StreamSearcher _searcher = null!;

    [Params("Holmes", "the")]
    public string Pattern { get; set; } = "";

    [Params(false, true)]
    public bool LineNumbers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pattern = CompiledPattern.Compile(new PatternOptions { Patterns = [Pattern] });
        _searcher = new StreamSearcher(new SearcherOptions { LineNumbers = LineNumbers });
    }

    [GlobalCleanup]
    public void Cleanup() => _searcher.Dispose();

    [Benchmark]
    public long Search()
    {
        using var matcher = _pattern.CreateMatcher();
        var sink = new CountingSink();
        _searcher.Search(new StreamByteSource(new MemoryStream(Corpus.English, writable: false)), matcher, sink, CancellationToken.None);
        return sink.Lines;
    }

    private sealed class CountingSink : ISink
    {
        public long Lines { get; private set; }

        public bool Matched(in SinkLine line)
        {
            Lines += line.LineNumber >= 0 ? 1 : 0;
            return true;
        }

        public bool Context(in SinkLine line, ContextKind kind) => true;

        public bool ContextBreak() => true;

        public bool BinaryData(long absoluteOffset) => true;
    }
}
