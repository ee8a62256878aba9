namespace Scour.Matching;

/// <summary>
/// A replacement for Scour's own matcher: decides which lines match and where. Lines are UTF-8 bytes
/// without their terminator. One instance is created per search thread, so it need not be thread-safe.
/// </summary>
public interface ILineMatcher
{
    /// <summary>True if the line matches.</summary>
    bool IsMatch(ReadOnlySpan<byte> line);

    /// <summary>Adds the matches inside a matching line, in order, to <paramref name="matches"/>.</summary>
    void FindMatches(ReadOnlySpan<byte> line, List<ByteRange> matches);
}
