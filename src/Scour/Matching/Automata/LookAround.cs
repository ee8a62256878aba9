using Scour.Matching.Syntax;

namespace Scour.Matching.Automata;

/// <summary>
/// Decides an assertion at one position of a haystack, as Rust's regex does, for the engines that see
/// the whole haystack (<see cref="PikeVm"/>). A Unicode word assertion decodes the character on each side;
/// where a side is not valid UTF-8 it is not a word character, and the assertions that a split
/// character would satisfy by accident (<c>\B</c> and the half boundaries) do not hold at all.
/// </summary>
internal static class LookAround
{
    public static bool Holds(Look look, ReadOnlySpan<byte> haystack, int at, bool unicode)
    {
        switch (look)
        {
            case Look.StartText:
                return at == 0;
            case Look.Start:
                return at == 0 || haystack[at - 1] == Nfa.Terminator;
            case Look.EndText:
                return at == haystack.Length;
            case Look.End:
                return at == haystack.Length || haystack[at] == Nfa.Terminator;
            case Look.StartCrlf:
                return at == 0 || haystack[at - 1] == '\n'
                    || (haystack[at - 1] == '\r' && (at == haystack.Length || haystack[at] != '\n'));
            case Look.StartNul:
                return at == 0 || haystack[at - 1] == Nfa.Terminator || haystack[at - 1] == 0;
            case Look.EndNul:
                return at == haystack.Length || haystack[at] == Nfa.Terminator || haystack[at] == 0;
            case Look.EndCrlf:
                return at == haystack.Length || haystack[at] == '\r'
                    || (haystack[at] == '\n' && (at == 0 || haystack[at - 1] != '\r'));
        }

        // The characters on each side: bytes where ASCII decides (then both sides are valid), else
        // decoded as Rust decodes them.
        bool before, after, lastValid = true, nextValid = true;
        var asciiAround = (at == 0 || haystack[at - 1] < 0x80) && (at == haystack.Length || haystack[at] < 0x80);
        if (!unicode || asciiAround)
        {
            before = at > 0 && LookSet.IsWordByte(haystack[at - 1]);
            after = at < haystack.Length && LookSet.IsWordByte(haystack[at]);
        }
        else
        {
            var last = at > 0 ? DecodeLast(haystack[..at]) : None;
            var next = at < haystack.Length ? Decode(haystack[at..]) : None;
            before = last >= 0 && IsWordCharacter(last);
            after = next >= 0 && IsWordCharacter(next);
            lastValid = last != Invalid;
            nextValid = next != Invalid;
        }

        return WordLookHolds(look, before, after, lastValid, nextValid);
    }

    /// <summary>
    /// Whether a word assertion holds between a character that is a word character or not
    /// (<paramref name="before"/>) and the next (<paramref name="after"/>), each side valid UTF-8 or not:
    /// an invalid side is no word character, and <c>\B</c> and the half boundaries need their sides valid.
    /// </summary>
    public static bool WordLookHolds(Look look, bool before, bool after, bool lastValid, bool nextValid) => look switch
    {
        Look.WordBoundary => before != after,
        Look.NotWordBoundary => lastValid && nextValid && before == after,
        Look.WordStart => !before && after,
        Look.WordEnd => before && !after,
        Look.WordStartHalf => lastValid && !before,
        _ => nextValid && !after,
    };

    // What Decode and DecodeLast give for an empty side, and for bytes that are not UTF-8.
    private const int None = -1;
    private const int Invalid = -2;

    /// <summary>Whether <paramref name="codePoint"/> is in Unicode <c>\w</c>.</summary>
    public static bool IsWordCharacter(int codePoint) =>
        codePoint < 0x80 ? LookSet.IsWordByte(codePoint) : ClassSet.Contains(ClassSet.UnicodeWord.Value, codePoint);

    /// <summary>The character that <paramref name="bytes"/> start with, or <see cref="Invalid"/>.</summary>
    private static int Decode(ReadOnlySpan<byte> bytes)
    {
        var lead = bytes[0];
        var length = lead < 0x80 ? 1 : lead < 0xC0 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF8 ? 4 : 0;
        if (length == 0 || length > bytes.Length)
        {
            return Invalid;
        }

        return System.Text.Rune.DecodeFromUtf8(bytes[..length], out var rune, out var consumed) == System.Buffers.OperationStatus.Done && consumed == length
            ? rune.Value
            : Invalid;
    }

    // The character before the end of `bytes`, found as Rust's regex finds it: back over at most three
    // continuation bytes to a byte that is not one, then decoded forwards from there. A character that
    // decodes there counts even if stray continuation bytes follow it (`é\x80` ends with `é`).
    private static int DecodeLast(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.Length - 1;
        var limit = Math.Max(0, bytes.Length - 4);
        while (start > limit && (bytes[start] & 0xC0) == 0x80)
        {
            start--;
        }

        return Decode(bytes[start..]);
    }
}
