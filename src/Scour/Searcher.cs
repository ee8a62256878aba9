using System.Text;
using Scour.Indexing;
using Scour.Matching;
using Scour.Matching.Lines;
using Scour.Results;
using Scour.Searching;
using Scour.Walking;

namespace Scour;

/// <summary>
/// A configured search, built by <see cref="SearchBuilder"/>: immutable, thread-safe and reusable —
/// run it as often as needed, from any thread, at the same time. One bad file never throws: its
/// <see cref="FileResult.Error"/> says what went wrong.
/// </summary>
public sealed class Searcher
{
    private readonly CompiledPattern? _compiled;
    private readonly Func<ILineMatcher>? _customMatcher;

    private readonly IndexStore? _indexes;

    internal Searcher(PatternOptions pattern, CompiledPattern? compiled, SearcherOptions searcher, WalkOptions walk, Func<ILineMatcher>? customMatcher, IndexStore? indexes = null)
    {
        _indexes = indexes;
        Pattern = pattern;
        _compiled = compiled;
        SearchOptions = searcher;
        WalkOptions = walk;
        _customMatcher = customMatcher;
    }

    /// <summary>What is searched for.</summary>
    public PatternOptions Pattern { get; }

    /// <summary>How files are read and which lines are reported.</summary>
    public SearcherOptions SearchOptions { get; }

    /// <summary>Which files are searched.</summary>
    public WalkOptions WalkOptions { get; }

    /// <summary>Searches files and directories; results arrive as each file is done (order varies unless sorted).</summary>
    public SearchRun Search(params string[] roots) => Search(roots, CancellationToken.None);

    /// <summary>Searches files and directories, with cancellation.</summary>
    public SearchRun Search(IReadOnlyList<string> roots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roots);
        return new SearchRun(this, roots, cancellationToken);
    }

    /// <summary>
    /// Searches and pushes every line to <paramref name="sink"/> (allocation-free per line); returns the
    /// totals when done. <see cref="OperationCanceledException"/> ends it early.
    /// </summary>
    public SearchSummary Search(IReadOnlyList<string> roots, ISearchSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(sink);
        var runner = CreateRunner(_ => new SinkAdapter(sink), sink.Failed, warning => sink.Failed(null, warning));
        return runner.Run(roots, cancellationToken);
    }

    /// <summary>Searches in-memory text as one file; null when nothing matched.</summary>
    public FileResult? SearchText(string text, string name = "<text>", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return SearchStream(stream, name, cancellationToken);
    }

    /// <summary>Searches a stream as one file; null when nothing matched.</summary>
    public FileResult? SearchStream(Stream stream, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        FileResult? found = null;
        var runner = CreateRunner(
            m => new ResultCollector(m, SearchOptions.NullData, r =>
            {
                found = r;
                return true;
            }),
            (_, _) => { },
            _ => { });
        runner.RunStream(stream, name, cancellationToken);
        return found;
    }

    internal LineMatcher CreateMatcher() =>
        _customMatcher is { } custom ? new CustomLineMatcher(custom()) : _compiled!.CreateMatcher();

    internal SearchRunner CreateRunner(Func<LineMatcher, IFileSink> sinks, Action<string?, string> onError, Action<string> onWarning) =>
        new(CreateMatcher, SearchOptions, WalkOptions, sinks, stopAtFirstMatch: false, onError, onWarning, IndexFor(onWarning));

    // Results name only files with a match, so an index may pass over the others.
    private Func<IReadOnlyList<string>, CancellationToken, IndexedSearch?>? IndexFor(Action<string> onWarning) =>
        _indexes is { } store && _compiled is { } compiled && _customMatcher is null
            ? IndexedSearch.For(store, compiled, SearchOptions, WalkOptions, silentWithoutMatch: true, onWarning, debug: null)
            : null;
}
