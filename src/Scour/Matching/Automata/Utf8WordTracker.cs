using System.Text;

namespace Scour.Matching.Automata;

/// <summary>
/// What a Unicode word assertion needs to know about the bytes before a position, as a small number
/// that a <see cref="LazyDfa"/> state carries along: whether the character before is a word character,
/// another valid one, or no valid one (<see cref="LookAround"/>'s rules, which are Rust's: the character
/// found by going back over at most three continuation bytes, a character still incomplete being none).
/// A character in progress is kept as the class of its prefix; with one byte to come, prefixes that
/// every last byte ends alike are one class, so that DFA states do not multiply by a script's prefixes.
/// </summary>
/// <remarks>
/// States: 0-3 and 4-7 are a word character and another valid one, with 1-4 bytes since it started
/// (continuation bytes after a complete character count, up to the three Rust looks back over); 8 is
/// no valid character; 9 the start (<see cref="TextStart"/>); from <see cref="PartialBase"/> on, a prefix
/// class and how many bytes it has.
/// One instance serves every DFA (classes are found on first use, under a lock: DFAs ask only when
/// they build a state).
/// </remarks>
internal sealed class Utf8WordTracker
{
    /// <summary>The tracker every DFA shares.</summary>
    public static readonly Utf8WordTracker Shared = new();

    private readonly Lock _lock = new();

    /// <summary>The outcome of a character for the assertions: a word character.</summary>
    public const int Word = 0;

    /// <summary>A valid character that is not a word character (also the edge of the text).</summary>
    public const int NonWord = 1;

    /// <summary>No valid character (an invalid or incomplete sequence).</summary>
    public const int Invalid = 2;

    /// <summary>
    /// The state where a search starts: nothing before, as at a text's start (a continuation byte that
    /// follows then has no character to belong to). After a line's terminator the state is that of a
    /// valid non-word character, as rg's search sees it in its buffer.
    /// </summary>
    public const int TextStart = 9;

    private const int KnownInvalid = 8;
    private const int PartialBase = 16;

    // Per prefix class: the bytes still to come, the prefix (for a class of one prefix), and per
    // continuation byte (0x80 + index) the outcome (one byte to come) or the next prefix class (-1 until
    // first asked for).
    private readonly List<int> _remaining = [];
    private readonly List<int> _prefixOf = [];
    private readonly List<int[]> _next = [];
    private readonly Dictionary<(ulong, ulong), int> _bySignature = [];
    private readonly Dictionary<int, int> _classOfPrefix = [];

    /// <summary>The outcome for the character before a position in state <paramref name="state"/>.</summary>
    public static int Before(int state) => state < 4 ? Word : state < 8 || state == TextStart ? NonWord : Invalid;

    /// <summary>Whether a character is in progress (its lead byte seen, not all of its bytes).</summary>
    public static bool InProgress(int state) => state >= PartialBase;

    /// <summary>Whether <paramref name="b"/> is a UTF-8 continuation byte.</summary>
    public static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    /// <summary>Whether <paramref name="b"/> starts a character whose outcome its later bytes decide.</summary>
    public static bool IsLead(byte b) => b is >= 0xC2 and <= 0xF4;

    /// <summary>The outcome for the character that byte <paramref name="b"/> is alone (ASCII, or not the start of any).</summary>
    public static int OutcomeOf(byte b) => b < 0x80 ? (LookSet.IsWordByte(b) ? Word : NonWord) : Invalid;

    /// <summary>
    /// The state after byte <paramref name="b"/>; <paramref name="completed"/> is the outcome of a
    /// character in progress that <paramref name="b"/> completes (else -1).
    /// </summary>
    public int Next(int state, byte b, out int completed)
    {
        completed = -1;
        if (b < 0x80)
        {
            return Known(OutcomeOf(b), 1);
        }

        if (IsContinuation(b))
        {
            if (state >= PartialBase)
            {
                var (cls, length) = ((state - PartialBase) >> 2, (state - PartialBase) & 3);
                int next, remaining;
                lock (_lock)
                {
                    remaining = _remaining[cls];
                    next = _next[cls][b - 0x80];
                    if (next < 0)
                    {
                        next = _next[cls][b - 0x80] = ClassOf((_prefixOf[cls] << 8) | b, length + 1, remaining - 1);
                    }
                }

                if (remaining == 1)
                {
                    completed = next;
                    return Known(next, length + 1);
                }

                return Partial(next, length + 1);
            }

            // A stray continuation byte: the character before stays the one it follows while that is
            // within reach (four bytes back), as Rust finds it.
            var since = state & 3;
            return state < KnownInvalid && since < 3 ? state + 1 : KnownInvalid;
        }

        if (!IsLead(b))
        {
            return KnownInvalid;
        }

        var toCome = b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
        lock (_lock)
        {
            return Partial(ClassOf(b, 1, toCome), 1);
        }
    }

    private static int Known(int outcome, int length) => outcome == Invalid ? KnownInvalid : (outcome * 4) + length - 1;

    private static int Partial(int cls, int length) => PartialBase + (cls << 2) + length;

    // The class of a prefix (its bytes packed in `prefix`, `length` of them, `remaining` to come). With
    // one byte to come, prefixes that each continuation byte ends alike are one class (all of a script's
    // letters, say); with more, each prefix is its own, its next classes found as they are met.
    private int ClassOf(int prefix, int length, int remaining)
    {
        var key = (prefix << 2) | length;
        if (_classOfPrefix.TryGetValue(key, out var known))
        {
            return known;
        }

        var next = new int[64];
        int cls;
        if (remaining == 1)
        {
            Span<byte> bytes = stackalloc byte[4];
            for (var k = 0; k < length; k++)
            {
                bytes[k] = (byte)(prefix >> (8 * (length - 1 - k)));
            }

            (ulong Low, ulong High) signature = (0, 0);
            for (var c = 0; c < 64; c++)
            {
                bytes[length] = (byte)(0x80 + c);
                next[c] = Rune.DecodeFromUtf8(bytes[..(length + 1)], out var rune, out var consumed) == System.Buffers.OperationStatus.Done && consumed == length + 1
                    ? (LookAround.IsWordCharacter(rune.Value) ? Word : NonWord)
                    : Invalid;
                if (c < 32)
                {
                    signature.Low |= (ulong)next[c] << (2 * c);
                }
                else
                {
                    signature.High |= (ulong)next[c] << (2 * (c - 32));
                }
            }

            if (_bySignature.TryGetValue(signature, out cls))
            {
                _classOfPrefix.Add(key, cls);
                return cls;
            }

            _bySignature.Add(signature, _remaining.Count);
        }
        else
        {
            Array.Fill(next, -1);
        }

        cls = _remaining.Count;
        _remaining.Add(remaining);
        _prefixOf.Add(prefix);
        _next.Add(next);
        _classOfPrefix.Add(key, cls);
        return cls;
    }
}
