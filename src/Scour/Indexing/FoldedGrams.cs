namespace Scour.Indexing;

/// <summary>
/// Sparse n-grams of case-folded text, the index's second kind of key. Trigrams lose adjacency, and
/// a case-insensitive query loses their case as well: <c>-i pm_resume</c> asks for seven trigrams that
/// are each common in some case, and selects thousands of files. A sparse gram is a run of 5 to 8
/// ASCII bytes (folded to lower case; ſ and the Kelvin sign, which case-insensitive matching equates
/// with s and k, fold to those) whose two end bigrams weigh more than every bigram inside it, bigrams
/// made of frequent characters weighing least. Whether a run is a sparse gram depends only on its own
/// bytes, so every sparse gram of a query's literal occurs in every file holding that literal, in any
/// case: the planner may require them all. Grams are hashed into <see cref="Buckets"/> keys above the
/// trigram keys; two grams sharing a key only ever admit more files.
/// </summary>
internal static class FoldedGrams
{
    /// <summary>The first key; trigram keys lie below it.</summary>
    public const int FirstKey = 1 << 24;

    /// <summary>How many keys the grams hash into.</summary>
    public const int Buckets = 1 << BucketBits;

    private const int BucketBits = 18;

    /// <summary>The shortest gram indexed (shorter ones add little to the trigrams).</summary>
    public const int MinLength = 5;

    /// <summary>The longest gram: eight bytes, held in one <see cref="ulong"/>.</summary>
    public const int MaxLength = 8;

    // ASCII characters from most to least frequent in source code (measured on the Linux tree, folded):
    // a bigram of two frequent characters is light, so grams tend to end at rare ones.
    private const string ByFrequency = " _etirsancd\t\no0lfpmuxghb,v1;)(*k-2=wy#/>3\".48q65{}:7&z9<[]\\+|%j!@'$`?~^";

    private static readonly ushort[] Weights = MakeWeights();

    private static ushort[] MakeWeights()
    {
        var rank = new int[128];
        Array.Fill(rank, 127);
        for (var i = 0; i < ByFrequency.Length; i++)
        {
            rank[ByFrequency[i]] = i;
        }

        var weights = new ushort[128 * 128];
        for (var a = 0; a < 128; a++)
        {
            for (var b = 0; b < 128; b++)
            {
                // Ties between equally frequent pairs are broken by a hash, so that runs still split.
                var tie = (uint)((a << 8) | b) * 2654435761u >> 24;
                weights[(a << 7) | b] = (ushort)(((rank[a] + rank[b]) << 8) | (int)tie);
            }
        }

        return weights;
    }

    /// <summary>
    /// The byte an ASCII character stands for in folded text, or -1 when it breaks a run (line
    /// feeds, which a chunk may be cut after, and everything outside ASCII).
    /// </summary>
    public static int Fold(int b) => b switch
    {
        >= 'A' and <= 'Z' => b | 0x20,
        '\n' => -1,
        < 0x80 => b,
        _ => -1,
    };

    /// <summary>
    /// Calls <paramref name="emit"/> with the key of every sparse gram that ends at the newest byte of
    /// <paramref name="recent"/>: the last <paramref name="count"/> folded bytes, newest lowest.
    /// </summary>
    public static void EndingAt<TSink>(ulong recent, int count, ref TSink emit)
        where TSink : struct, IKeySink
    {
        if (count < MinLength)
        {
            return;
        }

        var weights = Weights;
        var end = weights[(int)((recent >> 1) & 0x3F80) | (int)(recent & 0x7F)];
        var inner = -1;
        var longest = Math.Min(count, MaxLength);
        for (var length = 4; length <= longest; length++)
        {
            // The gram's bytes are recent's lowest `length` bytes; the bigram just inside its start
            // becomes interior as the gram grows by one byte.
            var shift = 8 * (length - 3);
            var interior = weights[(int)((recent >> (shift + 1)) & 0x3F80) | (int)((recent >> shift) & 0x7F)];
            inner = Math.Max(inner, interior);
            if (inner >= end)
            {
                return;
            }

            var start = weights[(int)((recent >> (shift + 9)) & 0x3F80) | (int)((recent >> (shift + 8)) & 0x7F)];
            if (length >= MinLength && start > inner)
            {
                emit.Add(KeyOf(recent, length));
            }
        }
    }

    private static int KeyOf(ulong recent, int length)
    {
        var bits = length == 8 ? recent : recent & ((1UL << (8 * length)) - 1);
        var h = (bits ^ ((ulong)length << 59)) * 0x9E3779B97F4A7C15UL;
        h ^= h >> 31;
        h *= 0xBF58476D1CE4E5B9UL;
        return FirstKey + (int)(h >> (64 - BucketBits));
    }

    /// <summary>The keys of every sparse gram of a folded run (bytes from <see cref="Fold"/>).</summary>
    public static HashSet<int> Of(ReadOnlySpan<byte> folded)
    {
        var sink = new SetSink { Keys = [] };
        ulong recent = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            recent = (recent << 8) | folded[i];
            EndingAt(recent, i + 1, ref sink);
        }

        return sink.Keys;
    }

    /// <summary>Receives keys; a struct so that the build's hot loop is not an interface call.</summary>
    public interface IKeySink
    {
        /// <summary>Takes one key.</summary>
        void Add(int key);
    }

    private struct SetSink : IKeySink
    {
        public HashSet<int> Keys;

        public readonly void Add(int key) => Keys.Add(key);
    }
}
