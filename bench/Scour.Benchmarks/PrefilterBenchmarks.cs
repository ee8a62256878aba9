using BenchmarkDotNet.Attributes;
using Scour.Matching;

namespace Scour.Benchmarks;

/// <summary>Finding candidate lines before any regex: one literal, a literal set, case-insensitive sets.</summary>
[MemoryDiagnoser]
public class PrefilterBenchmarks
{
    private LineMatcher _matcher = null!;
    private byte[] _text = [];

    [Params("Sherlock Holmes", "Sherlock Holmes|John Watson|Irene Adler", "(?i)sherlock holmes", "(?i)русская пословица")]
    public string Pattern { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = Pattern.Contains("русская", StringComparison.Ordinal) ? Corpus.Russian : Corpus.English;
        _matcher = CompiledPattern.Compile(new PatternOptions { Patterns = [Pattern] }).CreateMatcher();
    }

    [GlobalCleanup]
    public void Cleanup() => _matcher.Dispose();

    /// <summary>Every matching line of the whole text, as the searcher asks for them.</summary>
    [Benchmark]
    public int MatchingLines() => Corpus.CountMatchingLines(_matcher, _text);
}
