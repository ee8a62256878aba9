namespace Scour.Rewriting;

/// <summary>One replacement in a UTF-8 text: the bytes <c>[Start, End)</c> become <see cref="Replacement"/>.</summary>
/// <param name="Start">The offset of the first replaced byte.</param>
/// <param name="End">The offset just past the last replaced byte (equal to <paramref name="Start"/> for an insertion).</param>
/// <param name="Replacement">The UTF-8 bytes written instead.</param>
internal readonly record struct TextEdit(int Start, int End, byte[] Replacement)
{
    /// <summary>Applies sorted, non-overlapping <paramref name="edits"/> to <paramref name="text"/>.</summary>
    public static byte[] Apply(ReadOnlySpan<byte> text, IReadOnlyList<TextEdit> edits)
    {
        var length = text.Length;
        foreach (var e in edits)
        {
            length += e.Replacement.Length - (e.End - e.Start);
        }

        var result = new byte[length];
        var at = 0;
        var written = 0;
        foreach (var e in edits)
        {
            text[at..e.Start].CopyTo(result.AsSpan(written));
            written += e.Start - at;
            e.Replacement.CopyTo(result.AsSpan(written));
            written += e.Replacement.Length;
            at = e.End;
        }

        text[at..].CopyTo(result.AsSpan(written));
        return result;
    }
}
