namespace Scour.Matching.Literals;

/// <summary>
/// A few case-sensitive literals, each searched with <c>IndexOf</c> on bytes; each literal's next
/// position is remembered, so every literal scans the region once in all.
/// </summary>
internal sealed class ByteLiteralSetPrefilter(byte[][] needles) : Prefilter
{
    private readonly int[] _next = new int[needles.Length];
    private readonly int[] _searchedFrom = new int[needles.Length];

    public override bool Reset(ReadOnlySpan<byte> region)
    {
        Array.Fill(_next, int.MinValue);
        return true;
    }

    public override int Find(ReadOnlySpan<byte> haystack, int start)
    {
        var best = -1;
        for (var i = 0; i < needles.Length; i++)
        {
            // A remembered position is valid if it was found from at or before `start` and is not behind it.
            if (_next[i] == int.MinValue || _searchedFrom[i] > start || (_next[i] >= 0 && _next[i] < start))
            {
                var found = haystack[start..].IndexOf(needles[i]);
                _next[i] = found < 0 ? -1 : start + found;
                _searchedFrom[i] = start;
            }

            var at = _next[i];
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
            }
        }

        return best;
    }
}
