using BenchmarkDotNet.Attributes;
using Scour.Matching;
using Scour.Matching.Lines;

namespace Scour.Benchmarks;

/// <summary>
/// Patterns without a usable literal, where the lazy DFA does all the work over 4 MiB of English text
/// (throughput = 4 MiB / mean).
/// </summary>
[MemoryDiagnoser]
public class MatcherBenchmarks
{
    private LineMatcher _matcher = null!;
    private byte[] _text = [];

    [Params(@"[A-Za-z]{30}", @"\w{5}\s+\w{5}\s+\w{5}", @"\w+\s+Holmes\s+\w+")]
    public string Pattern { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = Corpus.English[..(4 * 1024 * 1024)];
        _text = _text[..(Array.LastIndexOf(_text, (byte)'\n') + 1)];
        _matcher = CompiledPattern.Compile(new PatternOptions { Patterns = [Pattern] }).CreateMatcher();
    }

    [GlobalCleanup]
    public void Cleanup() => _matcher.Dispose();

    [Benchmark]
    public int MatchingLines() => Corpus.CountMatchingLines(_matcher, _text);
}
