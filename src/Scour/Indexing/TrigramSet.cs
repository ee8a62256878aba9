namespace Scour.Indexing;

/// <summary>
/// Collects the distinct trigrams (three consecutive bytes, as they are) of one file's bytes, fed in
/// pieces. One per build thread: a 2 MiB bitmap of the 2^24 possible trigrams, cleared through the
/// list of those set. Case is kept: a case-sensitive search is far more selective on code, and a
/// case-insensitive one asks for each trigram's case variants. Beside them, the keys of the folded
/// text's sparse grams (<see cref="FoldedGrams"/>).
/// </summary>
internal sealed class TrigramSet
{
    private readonly ulong[] _seen = new ulong[(1 << 24) / 64];
    private readonly ulong[] _gramSeen = new ulong[FoldedGrams.Buckets / 64];
    private ulong _recent;
    private int _run;
    private int _pending;
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
                Append(window);
            }
        }

        _window = window;
        _fed = fed;
        FeedFolded(bytes);
    }

    // The folded text: ASCII lower-cased, ſ (C5 BF) and the Kelvin sign (E2 84 AA) as s and k, which
    // case-insensitive matching equates with them; any other byte outside ASCII, and a line feed,
    // ends the run of bytes grams are taken from.
    private void FeedFolded(ReadOnlySpan<byte> bytes)
    {
        var sink = new GramSink(this);
        var (recent, run, pending) = (_recent, _run, _pending);
        foreach (var b in bytes)
        {
            int folded;
            switch (pending)
            {
                case 0xC5 when b == 0xBF:
                    folded = 's';
                    pending = 0;
                    break;
                case 0xE2 when b == 0x84:
                    pending = 0xE284;
                    continue;
                case 0xE284 when b == 0xAA:
                    folded = 'k';
                    pending = 0;
                    break;
                default:
                    if (pending != 0)
                    {
                        run = 0;
                    }

                    // The run goes on if the sequence turns out to be ſ or K.
                    if (b is 0xC5 or 0xE2)
                    {
                        pending = b;
                        continue;
                    }

                    pending = 0;
                    folded = FoldedGrams.Fold(b);
                    break;
            }

            if (folded < 0)
            {
                run = 0;
                continue;
            }

            recent = (recent << 8) | (uint)folded;
            run++;
            FoldedGrams.EndingAt(recent, run, ref sink);
        }

        (_recent, _run, _pending) = (recent, run, pending);
    }

    private void AddGram(int key)
    {
        var bucket = key - FoldedGrams.FirstKey;
        ref var word = ref _gramSeen[bucket >> 6];
        var bit = 1UL << (bucket & 63);
        if ((word & bit) == 0)
        {
            word |= bit;
            Append(key);
        }
    }

    private void Append(int key)
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }

        _keys[_count++] = key;
    }

    private readonly struct GramSink(TrigramSet set) : FoldedGrams.IKeySink
    {
        public void Add(int key) => set.AddGram(key);
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
            if (key < FoldedGrams.FirstKey)
            {
                _seen[key >> 6] = 0;
            }
            else
            {
                _gramSeen[(key - FoldedGrams.FirstKey) >> 6] = 0;
            }
        }

        _count = 0;
        (_recent, _run, _pending) = (0, 0, 0);
        _window = 0;
        _fed = 0;
    }
}
