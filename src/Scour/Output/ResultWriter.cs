namespace Scour.Output;

/// <summary>
/// Writes each file's output block to the destination in one piece, in the order blocks complete,
/// adding the separator ripgrep puts between files (a blank line under headings, <c>--</c> between
/// context groups). Thread-safe.
/// </summary>
internal sealed class ResultWriter
{
    private readonly Stream _destination;
    private readonly OutputOptions _options;
    private readonly bool _flushEachBlock;
    private readonly bool _onlySource;
    private readonly object _gate = new();
    private bool _anyWritten;

    /// <summary>Creates a writer.</summary>
    /// <param name="destination">Where output goes (the CLI passes standard output).</param>
    /// <param name="options">The output options (for separators).</param>
    /// <param name="flushEachBlock">Flush after every file (for terminals and <c>--line-buffered</c>).</param>
    /// <param name="onlySource">True when one file or stream is all the search reads: nothing can wait for the output, so it is streamed from the start.</param>
    public ResultWriter(Stream destination, OutputOptions options, bool flushEachBlock, bool onlySource = false)
    {
        _destination = destination;
        _options = options;
        _flushEachBlock = flushEachBlock;
        _onlySource = onlySource;
    }

    /// <summary>
    /// How much of one file's output a printer holds back before it takes the writer and streams the
    /// rest. Among several files, a file streaming holds the others' output back, so that takes a
    /// quarter MiB; a search of one file streams at once, and its buffer never grows.
    /// </summary>
    public int StreamAbove => _onlySource ? 8 * 1024 : 256 * 1024;

    /// <summary>True once any block has been written.</summary>
    public bool AnyWritten => _anyWritten;

    /// <summary>Writes one file's block; <paramref name="separated"/> says whether it takes a file separator.</summary>
    public void WriteBlock(ReadOnlySpan<byte> block, bool separated)
    {
        if (block.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            WriteFirst(block, separated);
            FlushIfAsked();
        }
    }

    /// <summary>
    /// Starts writing one file's output as it is produced: the calling thread holds the output (other
    /// files' blocks wait) until it calls <see cref="EndStream"/>, which it must do, also after an error.
    /// </summary>
    public void BeginStream(ReadOnlySpan<byte> block, bool separated)
    {
        Monitor.Enter(_gate);
        try
        {
            WriteFirst(block, separated);
            FlushIfAsked();
        }
        catch
        {
            Monitor.Exit(_gate);
            throw;
        }
    }

    /// <summary>More of the output begun with <see cref="BeginStream"/>.</summary>
    public void Continue(ReadOnlySpan<byte> block)
    {
        _destination.Write(block);
        FlushIfAsked();
    }

    /// <summary>The end of the output begun with <see cref="BeginStream"/>; releases the output.</summary>
    public void EndStream(ReadOnlySpan<byte> block)
    {
        try
        {
            Continue(block);
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    private void WriteFirst(ReadOnlySpan<byte> block, bool separated)
    {
        if (_anyWritten && separated)
        {
            if (_options.Heading)
            {
                _destination.Write(_options.LineTerminator);
                _options.Stats?.AddPrinted(_options.LineTerminator.Length);
            }
            else if (_options.Context && _options.ContextSeparator is { } sep)
            {
                _destination.Write(sep);
                _destination.Write(_options.LineTerminator);
                _options.Stats?.AddPrinted(sep.Length + _options.LineTerminator.Length);
            }
        }

        _destination.Write(block);
        _anyWritten = true;
    }

    private void FlushIfAsked()
    {
        if (_flushEachBlock)
        {
            _destination.Flush();
        }
    }

    /// <summary>Flushes buffered output.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            _destination.Flush();
        }
    }
}
