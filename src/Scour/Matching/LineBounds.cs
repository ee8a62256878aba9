namespace Scour.Matching;

/// <summary>
/// Where lines start and end in a buffer of <c>\n</c>-terminated lines (the last one may lack its
/// terminator): the one definition the matchers, the searchers, the printers and the diff share.
/// </summary>
internal static class LineBounds
{
    /// <summary>The start of the line holding byte <paramref name="offset"/>, not before <paramref name="lower"/>.</summary>
    public static int StartOf(ReadOnlySpan<byte> text, int offset, int lower = 0) =>
        lower + text[lower..offset].LastIndexOf((byte)'\n') + 1;

    /// <summary>Just past the line holding byte <paramref name="offset"/>: after its <c>\n</c>, or the end of <paramref name="text"/>.</summary>
    public static int EndOf(ReadOnlySpan<byte> text, int offset)
    {
        if (offset >= text.Length)
        {
            return text.Length;
        }

        var nl = text[offset..].IndexOf((byte)'\n');
        return nl < 0 ? text.Length : offset + nl + 1;
    }
}
