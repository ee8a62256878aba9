namespace Scour.Indexing;

/// <summary>
/// Collects the distinct trigrams (three consecutive bytes, as they are) of one file's bytes, fed in
/// pieces. One per build thread: a 2 MiB bitmap of the 2^24 possible trigrams, cleared through the
/// list of those set. Case is kept: a case-sensitive search is far more selective on code, and a
/// case-insensitive one asks for each trigram's case variants.
/// </summary>
internal sealed class TrigramSet
{
    private readonly ulong[] _seen = new ulong[(1 << 24) / 64];
    private int[] _keys = new int[4096];
    private int _count;
    private int _window;
    private long _fed;

    /// <summary>The distinct trigrams so far, in the order first seen.</summary>
    public ReadOnlySpan<int> Keys => _keys.AsSpan(0, _count);

    /// <summary>Adds the next piece of the file.</summary>
    public void Feed(ReadOnlySpan<byte> bytes)
    {
        var window = _window;
        var fed = _fed;
        var seen = _seen;
        foreach (var b in bytes)
        {
            window = ((window << 8) | b) & 0xFFFFFF;
            if (++fed < 3)
            {
                continue;
            }

            ref var word = ref seen[window >> 6];
            var bit = 1UL << (window & 63);
            if ((word & bit) == 0)
            {
                word |= bit;
                if (_count == _keys.Length)
                {
                    Array.Resize(ref _keys, _keys.Length * 2);
                }

                _keys[_count++] = window;
            }
        }

        _window = window;
        _fed = fed;
    }

    /// <summary>
    /// Ends a chunk: returns the trigrams seen since the last chunk and forgets them, but keeps the
    /// last two bytes, so a trigram across the cut counts for the next chunk.
    /// </summary>
    public int[] TakeChunk()
    {
        var keys = Keys.ToArray();
        var (window, fed) = (_window, _fed);
        Reset();
        (_window, _fed) = (window, fed);
        return keys;
    }

    /// <summary>Forgets the file, keeping the storage for the next one.</summary>
    public void Reset()
    {
        foreach (var key in Keys)
        {
            _seen[key >> 6] = 0;
        }

        _count = 0;
        _window = 0;
        _fed = 0;
    }
}
