namespace Scour.Matching.Literals;

/// <summary>One case-sensitive literal, searched as UTF-8 bytes (vectorized <c>IndexOf</c>).</summary>
internal sealed class ByteLiteralPrefilter(byte[] needle) : Prefilter
{
    public override int Find(ReadOnlySpan<byte> haystack, int start)
    {
        var i = haystack[start..].IndexOf(needle);
        return i < 0 ? -1 : start + i;
    }
}
