namespace Scour.Matching;

/// <summary>A match as a half-open range of byte offsets.</summary>
/// <param name="Start">The offset of the first byte.</param>
/// <param name="End">The offset just past the last byte.</param>
public readonly record struct ByteRange(int Start, int End)
{
    /// <summary>The number of bytes in the range.</summary>
    public int Length => End - Start;
}
