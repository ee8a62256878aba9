namespace Scour.Matching.Automata;

/// <summary>
/// A partition of the 256 byte values into classes that no state of an automaton tells apart: a
/// DFA's transition table has one column per class instead of per byte. Every range edge of the
/// automaton is a class boundary, and so are the bytes its assertions look at (the line terminator,
/// the ASCII word bytes, and the non-ASCII bytes when a Unicode word assertion must give up on them).
/// </summary>
internal sealed class ByteClasses
{
    private ByteClasses(byte[] map, int count)
    {
        Map = map;
        Count = count;
    }

    /// <summary>The class of each byte value.</summary>
    public byte[] Map { get; }

    /// <summary>The number of classes (at most 256).</summary>
    public int Count { get; }

    /// <summary>A byte of class <paramref name="cls"/>.</summary>
    public byte Representative(int cls) => (byte)Array.IndexOf(Map, (byte)cls);

    /// <summary>The classes of <paramref name="nfa"/>; with <paramref name="everyHighByte"/>, each byte of 0x80 or more is a class of its own (a DFA that follows UTF-8 sequences, see <see cref="Utf8WordTracker"/>).</summary>
    public static ByteClasses For(Nfa nfa, bool everyHighByte = false)
    {
        var boundary = new bool[257]; // boundary[b]: a new class starts at byte b
        void Mark(int lo, int hi)
        {
            boundary[lo] = true;
            boundary[hi + 1] = true;
        }

        foreach (var state in nfa.States)
        {
            if (state.Kind == NfaStateKind.Range)
            {
                Mark(state.Lo, state.Hi);
            }
            else if (state.Kind == NfaStateKind.Sparse)
            {
                foreach (var t in state.Transitions!)
                {
                    Mark(t.Lo, t.Hi);
                }
            }
        }

        Mark(Nfa.Terminator, Nfa.Terminator);
        if ((nfa.Looks & (Look.StartCrlf | Look.EndCrlf)) != 0)
        {
            Mark('\r', '\r');
        }

        if ((nfa.Looks & (Look.StartNul | Look.EndNul)) != 0)
        {
            Mark(0, 0);
        }

        if ((nfa.Looks & Nfa.WordLooks) != 0)
        {
            Mark('0', '9');
            Mark('A', 'Z');
            Mark('_', '_');
            Mark('a', 'z');
            Mark(0x80, 0xFF);
        }

        for (var b = 0x80; everyHighByte && b < 256; b++)
        {
            boundary[b] = true;
        }

        var map = new byte[256];
        var cls = -1;
        for (var b = 0; b < 256; b++)
        {
            if (b == 0 || boundary[b])
            {
                cls++;
            }

            map[b] = (byte)cls;
        }

        return new ByteClasses(map, cls + 1);
    }
}
