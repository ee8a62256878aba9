namespace Scour.Matching.Lines;

/// <summary>
/// A matcher that decides lines its own way and takes every span (<c>-o</c>, colors, JSON, replacements)
/// from <paramref name="spans"/>, which it owns.
/// </summary>
/// <param name="spans">The matcher whose spans these are.</param>
internal abstract class SpansFromLineMatcher(LineMatcher spans) : LineMatcher
{
    public override void FindAll(ReadOnlySpan<byte> line, List<ByteRange> matches) => spans.FindAll(line, matches);

    public override void FindAllGroups(ReadOnlySpan<byte> line, List<ByteRange[]> matches, out Func<string, int> resolveName) =>
        spans.FindAllGroups(line, matches, out resolveName);

    public override void FindAllInContext(ReadOnlySpan<byte> text, int start, int end, List<ByteRange> matches) =>
        spans.FindAllInContext(text, start, end, matches);

    public override void FindAllGroupsInContext(ReadOnlySpan<byte> text, int start, int end, List<ByteRange[]> matches, out Func<string, int> resolveName) =>
        spans.FindAllGroupsInContext(text, start, end, matches, out resolveName);

    public override void Dispose()
    {
        spans.Dispose();
        base.Dispose();
    }
}
