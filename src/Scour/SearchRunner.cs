using Microsoft.Win32.SafeHandles;
using Scour.Matching;
using Scour.Output;
using Scour.Searching;
using Scour.Walking;

namespace Scour;

/// <summary>Totals of one run over all files.</summary>
public sealed class RunSummary
{
    private long _filesSearched;
    private long _filesMatched;
    private long _errors;

    /// <summary>Files opened and searched.</summary>
    public long FilesSearched => Interlocked.Read(ref _filesSearched);

    /// <summary>Files with at least one matching line.</summary>
    public long FilesMatched => Interlocked.Read(ref _filesMatched);

    /// <summary>Problems reported (missing paths, unreadable files).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>True if the run stopped because the output was closed (e.g. <c>| head</c>).</summary>
    public bool OutputClosed { get; internal set; }

    internal void Searched(bool matched)
    {
        Interlocked.Increment(ref _filesSearched);
        if (matched)
        {
            Interlocked.Increment(ref _filesMatched);
        }
    }

    internal void Error() => Interlocked.Increment(ref _errors);

    /// <summary>The totals of two runs added together.</summary>
    public static RunSummary Combine(RunSummary a, RunSummary b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var sum = new RunSummary
        {
            _filesSearched = a.FilesSearched + b.FilesSearched,
            _filesMatched = a.FilesMatched + b.FilesMatched,
            _errors = a.Errors + b.Errors,
            OutputClosed = a.OutputClosed || b.OutputClosed,
        };
        return sum;
    }
}

/// <summary>
/// Runs a whole search: walks the roots, searches each file on the walker's threads with per-thread
/// searchers, matchers and printers, and writes each file's output as one block.
/// </summary>
internal sealed class SearchRunner
{
    private readonly CompiledPattern _pattern;
    private readonly SearcherOptions _searcherOptions;
    private readonly OutputOptions _outputOptions;
    private readonly WalkOptions _walkOptions;
    private readonly ResultWriter _writer;
    private readonly Action<string> _onError;
    private readonly Action<string> _onWarning;

    public SearchRunner(CompiledPattern pattern, SearcherOptions searcherOptions, OutputOptions outputOptions, WalkOptions walkOptions, ResultWriter writer, Action<string> onError, Action<string>? onWarning = null)
    {
        _onWarning = onWarning ?? onError;
        _pattern = pattern;
        _searcherOptions = searcherOptions;
        _outputOptions = outputOptions;
        _walkOptions = walkOptions;
        _writer = writer;
        _onError = onError;
    }

    private sealed class Worker : IDisposable
    {
        public Worker(SearchRunner runner)
        {
            Matcher = runner._pattern.CreateMatcher();
            Searcher = new Searcher(runner._searcherOptions);
            Printer = runner._outputOptions.Mode == OutputMode.Lines
                ? new StandardPrinter(runner._outputOptions, Matcher)
                : new SummaryPrinter(runner._outputOptions, Matcher);
        }

        public LineMatcher Matcher { get; }

        public Searcher Searcher { get; }

        public FilePrinter Printer { get; }

        public void Dispose()
        {
            Printer.Dispose();
            Searcher.Dispose();
            Matcher.Dispose();
        }
    }

    /// <summary>Searches standard input (or any stream) as one unnamed file.</summary>
    public RunSummary RunStream(Stream input, string displayName, CancellationToken cancellationToken)
    {
        var summary = new RunSummary();
        using var worker = new Worker(this);
        SearchOne(worker, new StreamByteSource(input), displayName, BinaryMode.Convert, summary, cancellationToken);
        return summary;
    }

    /// <summary>Walks <paramref name="roots"/> and searches every file the walk yields.</summary>
    public RunSummary Run(IReadOnlyList<string> roots, CancellationToken cancellationToken)
    {
        var summary = new RunSummary();
        using var workers = new ThreadLocal<Worker>(() => new Worker(this), trackAllValues: true);
        var walker = new Walker(_walkOptions);
        try
        {
            walker.Run(
                roots,
                entry => SearchFile(workers.Value!, entry, summary, cancellationToken),
                (path, message) =>
                {
                    summary.Error();
                    _onError(path is null ? message : $"{path}: {message}");
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
        }

        return summary;
    }

    private bool SearchFile(Worker worker, WalkEntry entry, RunSummary summary, CancellationToken cancellationToken)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(entry.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            summary.Error();
            _onError($"{entry.Path}: {IoErrorText.Describe(e)}");
            return true;
        }

        using (handle)
        {
            var binary = _searcherOptions.Binary == BinaryMode.None ? BinaryMode.None : entry.IsExplicit ? BinaryMode.Convert : _searcherOptions.Binary;
            return SearchOne(worker, new FileByteSource(handle), entry.Path, binary, summary, cancellationToken);
        }
    }

    // Returns false when the whole run should stop (-q found a match, or the output is closed).
    private bool SearchOne(Worker worker, IByteSource source, string path, BinaryMode binary, RunSummary summary, CancellationToken cancellationToken)
    {
        worker.Printer.Begin(path, binary);
        SearchResult result;
        try
        {
            result = worker.Searcher.Search(source, worker.Matcher, worker.Printer, binary, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            summary.Error();
            _onError($"{path}: {IoErrorText.Describe(e)}");
            return true;
        }

        var block = worker.Printer.Finish(result);
        var matched = worker.Printer.MatchedLines > 0;
        summary.Searched(matched);
        try
        {
            _writer.WriteBlock(block, worker.Printer.Separated);
        }
        catch (IOException)
        {
            summary.OutputClosed = true;
            return false;
        }

        return !(matched && _outputOptions.Mode == OutputMode.Quiet);
    }
}
