namespace Scour.Matching.Literals;

/// <summary>
/// Literals found on UTF-8 bytes by one of our vectorized searches: one literal (or a piece of one,
/// with its case variants) by <see cref="PairedByteSearch"/>, several by <see cref="ByteTeddy"/>.
/// </summary>
internal sealed class ByteSearchPrefilter(IByteSearch search) : Prefilter
{
    public override int Find(ReadOnlySpan<byte> haystack, int start)
    {
        var i = search.IndexOf(haystack[start..]);
        return i < 0 ? -1 : start + i;
    }
}
