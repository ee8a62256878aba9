using Microsoft.Win32.SafeHandles;
using Scour.Indexing;
using Scour.Matching;
using Scour.Matching.Lines;
using Scour.Searching;
using Scour.Walking;

namespace Scour;

/// <summary>
/// Runs a whole search: walks the roots and searches each file on the walker's threads, with one
/// matcher, stream searcher and file sink per thread. What happens to results is the sink's business
/// (the CLI prints, the library collects).
/// </summary>
internal sealed class SearchRunner
{
    private readonly Func<LineMatcher> _matchers;
    private readonly SearcherOptions _searcherOptions;
    private readonly WalkOptions _walkOptions;
    private readonly Func<LineMatcher, IFileSink> _sinks;
    private readonly bool _stopAtFirstMatch;
    private readonly Action<string?, string> _onError;
    private readonly Action<string> _onWarning;
    private readonly GlobOverrides _preprocessorGlobs;
    private readonly Func<IReadOnlyList<string>, CancellationToken, IndexedSearch?>? _index;

    public SearchRunner(
        Func<LineMatcher> matchers,
        SearcherOptions searcherOptions,
        WalkOptions walkOptions,
        Func<LineMatcher, IFileSink> sinks,
        bool stopAtFirstMatch,
        Action<string?, string> onError,
        Action<string>? onWarning = null,
        Func<IReadOnlyList<string>, CancellationToken, IndexedSearch?>? index = null)
    {
        _index = index;
        _matchers = matchers;
        _searcherOptions = searcherOptions;
        _walkOptions = walkOptions;
        _sinks = sinks;
        _stopAtFirstMatch = stopAtFirstMatch;
        _onError = onError;
        _onWarning = onWarning ?? (message => onError(null, message));
        _preprocessorGlobs = new GlobOverrides(searcherOptions.PreprocessorGlobs.Select(g => (g, false)));
    }

    private sealed class Worker : IDisposable
    {
        public Worker(SearchRunner runner)
        {
            Matcher = runner._matchers();
            Searcher = new StreamSearcher(runner._searcherOptions);
            Sink = runner._sinks(Matcher);
        }

        /// <summary>The source each file of this worker is read through (one file at a time).</summary>
        public FileByteSource FileSource { get; } = new();

        public LineMatcher Matcher { get; }

        public StreamSearcher Searcher { get; }

        public IFileSink Sink { get; }

        public void Dispose()
        {
            Sink.Dispose();
            Searcher.Dispose();
            Matcher.Dispose();
        }
    }

    /// <summary>Searches a stream (standard input, or any stream) as one file.</summary>
    public SearchSummary RunStream(Stream input, string displayName, CancellationToken cancellationToken)
    {
        var summary = new SearchSummary();
        using var worker = new Worker(this);
        SearchOne(worker, new StreamByteSource(input), displayName, BinaryMode.Convert, summary, cancellationToken);
        summary.Finish();
        return summary;
    }

    /// <summary>Walks <paramref name="roots"/> and searches every file the walk yields.</summary>
    public SearchSummary Run(IReadOnlyList<string> roots, CancellationToken cancellationToken)
    {
        var summary = new SearchSummary();
        using var index = _index?.Invoke(roots, cancellationToken);
        using var workers = new ThreadLocal<Worker>(() => new Worker(this), trackAllValues: true);
        try
        {
            new Walker(index is null ? _walkOptions : _walkOptions with { Lister = index }).Run(
                roots,
                entry => SearchFile(workers.Value!, entry, summary, cancellationToken),
                (path, message) =>
                {
                    summary.Error();
                    _onError(path, message);
                },
                _onWarning,
                cancellationToken);
        }
        finally
        {
            foreach (var w in workers.Values)
            {
                w.Dispose();
            }

            if (index is not null)
            {
                summary.Settled(index.SettledFiles, index.SettledDirectories);
            }

            summary.Finish();
        }

        return summary;
    }

    private bool SearchFile(Worker worker, WalkEntry entry, SearchSummary summary, CancellationToken cancellationToken)
    {
        var path = entry.FullPath ?? entry.Path;
        var binary = _searcherOptions.Binary == BinaryMode.None ? BinaryMode.None : entry.IsExplicit ? BinaryMode.Convert : _searcherOptions.Binary;
        if (_searcherOptions.Preprocessor is { } preprocessor && _preprocessorGlobs.Match(entry.Path, isDirectory: false) != IgnoreMatch.Ignore)
        {
            return SearchCommandOutput(worker, [preprocessor, path], entry.Path, binary, summary, isPreprocessor: true, cancellationToken);
        }

        var (decoder, command) = _searcherOptions.SearchCompressed ? Decompression.For(path) : (null, null);
        if (command is not null)
        {
            return SearchCommandOutput(worker, [.. command, path], entry.Path, binary, summary, isPreprocessor: false, cancellationToken);
        }

        if (decoder is null)
        {
            try
            {
                worker.FileSource.Open(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(summary, entry.Path, IoErrorText.Describe(e));
            }

            try
            {
                return SearchOne(worker, worker.FileSource, entry.Path, binary, summary, cancellationToken);
            }
            finally
            {
                worker.FileSource.Close();
            }
        }

        SafeFileHandle handle;
        try
        {
            handle = NativeFile.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(summary, entry.Path, IoErrorText.Describe(e));
        }

        using (handle)
        {
            var decoded = decoder(new FileStream(handle, FileAccess.Read, 1));
            using (decoded as IDisposable)
            {
                return SearchOne(worker, decoded, entry.Path, binary, summary, cancellationToken);
            }
        }
    }

    // --pre and external decompressors: the command's output is searched; a command that fails is an
    // error carrying its standard error, as ripgrep reports it (see ProcessSource).
    private bool SearchCommandOutput(Worker worker, string[] command, string displayPath, BinaryMode binary, SearchSummary summary, bool isPreprocessor, CancellationToken cancellationToken)
    {
        ProcessSource source;
        try
        {
            source = ProcessSource.Start(command, isPreprocessor ? $"preprocessor command failed: '{ProcessSource.Describe(command)}': " : "");
        }
        catch (IOException e)
        {
            return Fail(summary, displayPath, e.Message);
        }

        using (source)
        {
            return SearchOne(worker, source, displayPath, binary, summary, cancellationToken, source.FailedBeforeTheEnd);
        }
    }

    private bool Fail(SearchSummary summary, string path, string message)
    {
        summary.Error();
        _onError(path, message);
        return true;
    }

    // Returns false when the whole run should stop (the first match with -q, or a closed output).
    // afterSearch may still find the input failed (a command that stopped with an error).
    private bool SearchOne(Worker worker, IByteSource source, string path, BinaryMode binary, SearchSummary summary, CancellationToken cancellationToken, Func<string?>? afterSearch = null)
    {
        worker.Sink.Begin(path, binary);
        SearchResult result;
        string? failure;
        try
        {
            result = worker.Searcher.Search(source, worker.Matcher, worker.Sink, binary, cancellationToken);
            failure = afterSearch?.Invoke();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            (result, failure) = (default, IoErrorText.Describe(e));
        }

        if (failure is not null)
        {
            summary.OutputClosed |= !worker.Sink.Abandon();
            Fail(summary, path, failure);
            return !summary.OutputClosed;
        }

        if (!worker.Sink.Finish(result))
        {
            summary.OutputClosed = true;
            return false;
        }

        var matched = worker.Sink.MatchedLines > 0;
        summary.Searched(matched, worker.Sink.MatchedLines, result.BytesSearched);
        return !(matched && _stopAtFirstMatch);
    }
}
