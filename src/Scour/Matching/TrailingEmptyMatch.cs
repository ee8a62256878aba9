namespace Scour.Matching;

/// <summary>
/// rg 15 does not report an empty match at the very end of a text that has no line terminator there
/// (the last line of a file without a final newline): <c>$</c> or <c>x*</c> match there, but the printer
/// does not print, replace or list that match, and <c>--passthru -r</c> leaves the end as it is.
/// </summary>
internal static class TrailingEmptyMatch
{
    /// <summary>Removes that match from <paramref name="matches"/> (found in a text of <paramref name="length"/> bytes).</summary>
    public static void Drop(List<ByteRange> matches, int length, bool terminated)
    {
        if (!terminated && matches.Count > 0 && IsAtEnd(matches[^1], length))
        {
            matches.RemoveAt(matches.Count - 1);
        }
    }

    /// <summary>As <see cref="Drop(List{ByteRange}, int, bool)"/>, for matches with their capture groups.</summary>
    public static void Drop(List<ByteRange[]> groups, int length, bool terminated)
    {
        if (!terminated && groups.Count > 0 && IsAtEnd(groups[^1][0], length))
        {
            groups.RemoveAt(groups.Count - 1);
        }
    }

    private static bool IsAtEnd(ByteRange match, int length) => match.Length == 0 && match.Start == length;
}
