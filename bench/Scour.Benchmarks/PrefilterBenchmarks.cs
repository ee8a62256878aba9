using BenchmarkDotNet.Attributes;
using Scour.Matching;
using Scour.Matching.Lines;

namespace Scour.Benchmarks;

/// <summary>
/// Finding candidate lines before any regex: one literal (paired-byte search), literal sets (Teddy on
/// bytes), one case-insensitive literal (paired search over case-variant byte sets), Cyrillic.
/// </summary>
[MemoryDiagnoser]
public class PrefilterBenchmarks
{
    private LineMatcher _matcher = null!;
    private byte[] _text = [];

    [Params("Sherlock Holmes", "Sherlock Holmes|John Watson|Irene Adler", "(?i)sherlock holmes", "Русская пословица", "(?i)русская пословица", "Оскар Уайльд|Бернард Шоу|Марк Твен")]
    public string Pattern { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = Pattern.Any(c => c > 0x7F) ? Corpus.Russian : Corpus.English;
        _matcher = CompiledPattern.Compile(new PatternOptions { Patterns = [Pattern] }).CreateMatcher();
    }

    [GlobalCleanup]
    public void Cleanup() => _matcher.Dispose();

    /// <summary>Every matching line of the whole text, as the searcher asks for them.</summary>
    [Benchmark]
    public int MatchingLines() => Corpus.CountMatchingLines(_matcher, _text);
}
