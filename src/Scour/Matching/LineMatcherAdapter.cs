using Scour.Matching.Lines;

namespace Scour.Matching;

/// <summary>Exposes one of Scour's own matchers through the public <see cref="ILineMatcher"/> interface.</summary>
internal sealed class LineMatcherAdapter(LineMatcher inner) : ILineMatcher, IDisposable
{
    public bool IsMatch(ReadOnlySpan<byte> line) => inner.IsMatch(line);

    public void FindMatches(ReadOnlySpan<byte> line, List<ByteRange> matches) => inner.FindAll(line, matches);

    public void Dispose() => inner.Dispose();
}
