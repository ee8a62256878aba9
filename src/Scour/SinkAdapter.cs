using Scour.Searching;

namespace Scour;

/// <summary>Adapts a caller's <see cref="ISearchSink"/> to the per-thread file sink the runner drives.</summary>
internal sealed class SinkAdapter(ISearchSink outer) : IFileSink
{
    private ISink? _inner;
    private string _path = string.Empty;

    public long MatchedLines { get; private set; }

    public void Begin(string? path, BinaryMode binary)
    {
        _path = path ?? "<stdin>";
        MatchedLines = 0;
        _inner = outer.BeginFile(_path);
    }

    public bool Matched(in SinkLine line)
    {
        MatchedLines++;
        return _inner?.Matched(line) ?? true;
    }

    public bool Context(in SinkLine line, ContextKind kind) => _inner?.Context(line, kind) ?? true;

    public bool ContextBreak() => _inner?.ContextBreak() ?? true;

    public bool BinaryData(long absoluteOffset) => _inner?.BinaryData(absoluteOffset) ?? true;

    public bool Finish(SearchResult result)
    {
        outer.EndFile(_path, result, MatchedLines);
        return true;
    }

    public void Dispose()
    {
    }
}
