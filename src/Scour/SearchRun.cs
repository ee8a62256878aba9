using System.Collections;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Scour.Results;

namespace Scour;

/// <summary>
/// One run of a <see cref="Searcher"/>, consumed once with <c>foreach</c>, or with <c>await foreach</c>
/// over <see cref="ReadAllAsync"/>: the
/// search starts when enumeration starts, runs on background threads a bounded distance ahead of the
/// consumer, and stops when the enumeration is abandoned or cancelled. Files that could not be
/// searched come through too, with <see cref="FileResult.Error"/> set.
/// </summary>
public sealed class SearchRun : IEnumerable<FileResult>
{
    private readonly Searcher _searcher;
    private readonly IReadOnlyList<string> _roots;
    private readonly CancellationToken _cancellationToken;
    private readonly List<string> _warnings = [];
    private int _started;

    internal SearchRun(Searcher searcher, IReadOnlyList<string> roots, CancellationToken cancellationToken)
    {
        _searcher = searcher;
        _roots = roots;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The totals, once the enumeration has finished (null before).</summary>
    public SearchSummary? Summary { get; private set; }

    /// <summary>Problems that did not stop the search, such as a malformed line in an ignore file.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_warnings)
            {
                return [.. _warnings];
            }
        }
    }

    /// <inheritdoc/>
    public IEnumerator<FileResult> GetEnumerator() => Enumerate(CancellationToken.None).ToBlockingEnumerable().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The results as an asynchronous stream (consumed once, like the run itself).</summary>
    public IAsyncEnumerable<FileResult> ReadAllAsync(CancellationToken cancellationToken = default) => Enumerate(cancellationToken);

    private async IAsyncEnumerable<FileResult> Enumerate([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("a SearchRun can be enumerated once; call Searcher.Search again for another run");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, cancellationToken);
        var channel = Channel.CreateBounded<FileResult>(new BoundedChannelOptions(256) { SingleReader = true });

        bool Push(FileResult result)
        {
            try
            {
                while (!channel.Writer.TryWrite(result))
                {
                    if (!channel.Writer.WaitToWriteAsync(stop.Token).AsTask().GetAwaiter().GetResult())
                    {
                        return false;
                    }
                }

                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        var runner = _searcher.CreateRunner(
            m => new ResultCollector(m, _searcher.SearchOptions.NullData, Push),
            (path, message) => Push(new FileResult(path ?? string.Empty, [], 0, null, message)),
            warning =>
            {
                lock (_warnings)
                {
                    _warnings.Add(warning);
                }
            });
        var producer = Task.Run(
            () =>
            {
                try
                {
                    Summary = runner.Run(_roots, stop.Token);
                    channel.Writer.TryComplete();
                }
                catch (OperationCanceledException)
                {
                    channel.Writer.TryComplete();
                }
                catch (Exception e)
                {
                    channel.Writer.TryComplete(e);
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var result in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return result;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }
}
