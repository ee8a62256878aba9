namespace Scour.Matching.Automata;

/// <summary>
/// The zero-width assertions a byte automaton checks between two bytes, as flags. Each line is its
/// own haystack (as rg searches), so the text's start and end are the line's.
/// </summary>
[Flags]
internal enum Look : ushort
{
    None = 0,

    /// <summary><c>^</c>: at the start of a line.</summary>
    Start = 1,

    /// <summary><c>$</c>: at the end of the line (before its terminator, or at the text's end).</summary>
    End = 2,

    /// <summary><c>\b</c>: a word byte on exactly one side.</summary>
    WordBoundary = 4,

    /// <summary><c>\B</c>.</summary>
    NotWordBoundary = 8,

    /// <summary><c>\b{start}</c>, <c>\&lt;</c>: no word byte before, one after.</summary>
    WordStart = 16,

    /// <summary><c>\b{end}</c>, <c>\&gt;</c>: a word byte before, none after.</summary>
    WordEnd = 32,

    /// <summary><c>\b{start-half}</c>: no word byte before.</summary>
    WordStartHalf = 64,

    /// <summary><c>\b{end-half}</c>: no word byte after.</summary>
    WordEndHalf = 128,

    /// <summary>
    /// <c>\A</c>: at the start of the text. Deciding lines, that is the line's start, as <see cref="Start"/>;
    /// finding spans in the searcher's buffer, the buffer's start (as rg's printer finds them).
    /// </summary>
    StartText = 256,

    /// <summary><c>^</c> under <c>(?mR)</c>: at a line's start, or after a <c>\r</c> that no <c>\n</c> follows.</summary>
    StartCrlf = 512,

    /// <summary><c>$</c> under <c>(?mR)</c>: at a line's end, or before a <c>\r</c>.</summary>
    EndCrlf = 1024,

    /// <summary>
    /// <c>\z</c>: at the end of the text. Deciding lines, each line is a text (without its terminator,
    /// which with <c>--crlf</c> is a final <c>\r\n</c> only); finding spans, the line's end.
    /// </summary>
    EndText = 2048,

    /// <summary><c>^</c> under <c>--null-data</c> (exchanged text): at a line's start, or after a NUL.</summary>
    StartNul = 4096,

    /// <summary><c>$</c> under <c>--null-data</c> (exchanged text): at a line's end, or before a NUL.</summary>
    EndNul = 8192,
}

/// <summary>Which assertions hold between two positions' neighbours.</summary>
internal static class LookSet
{
    /// <summary>The word bytes of ASCII <c>\w</c>, which also decide Unicode boundaries between ASCII bytes.</summary>
    public static bool IsWordByte(int b) =>
        (uint)(b - 'a') <= 'z' - 'a' || (uint)(b - 'A') <= 'Z' - 'A' || (uint)(b - '0') <= 9 || b == '_';

    /// <summary>
    /// The assertions that hold at a position whose previous byte is a word byte or not (or the line's
    /// start), and whose next byte is a word byte or not (or the line's end); <paramref name="crBefore"/>
    /// and <paramref name="crAfter"/> say whether those bytes are <c>\r</c> (<paramref name="nulBefore"/> and
    /// <paramref name="nulAfter"/> whether they are NUL), and <paramref name="atTextEnd"/>
    /// whether the line's end is the text's end rather than a terminator.
    /// </summary>
    public static Look Holding(bool atStart, bool wordBefore, bool atEnd, bool wordAfter, bool crBefore = false, bool crAfter = false, bool atTextEnd = false, bool nulBefore = false, bool nulAfter = false)
    {
        var look = Look.None;
        if (atStart)
        {
            look |= Look.Start | Look.StartText | Look.StartCrlf;
        }

        if (atStart || nulBefore)
        {
            look |= Look.StartNul;
        }

        if (atEnd)
        {
            look |= Look.End;
        }

        if (atEnd || nulAfter)
        {
            look |= Look.EndNul;
        }

        if (atTextEnd)
        {
            look |= Look.EndText;
        }

        // Before "\r", or at a line's end, but not between the "\r" and "\n" of a CRLF terminator.
        if (atTextEnd || crAfter || (atEnd && !crBefore))
        {
            look |= Look.EndCrlf;
        }

        // After "\r" a line starts unless "\n" follows (then "\r\n" is one terminator).
        if (crBefore && (atTextEnd || !atEnd))
        {
            look |= Look.StartCrlf;
        }


        look |= wordBefore != wordAfter ? Look.WordBoundary : Look.NotWordBoundary;
        if (!wordBefore && wordAfter)
        {
            look |= Look.WordStart;
        }

        if (wordBefore && !wordAfter)
        {
            look |= Look.WordEnd;
        }

        if (!wordBefore)
        {
            look |= Look.WordStartHalf;
        }

        if (!wordAfter)
        {
            look |= Look.WordEndHalf;
        }

        return look;
    }
}
