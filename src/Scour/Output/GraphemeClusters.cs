using System.Text;
using Scour.Matching.Syntax;

namespace Scour.Output;

/// <summary>
/// Extended grapheme clusters (UAX #29) over UTF-8 bytes, which rg's <c>--max-columns-preview</c>
/// counts as characters: a <c>\r\n</c>, a letter with its combining marks, a Hangul syllable, an emoji
/// ZWJ sequence or a flag is one. Bytes that are not UTF-8 (each maximal invalid subsequence) are a
/// cluster of their own, as in rg. Only previews of
/// long lines use it, so the tables are built on first use.
/// </summary>
internal static class GraphemeClusters
{
    private enum Break : byte { Other, CR, LF, Control, Extend, ZWJ, RegionalIndicator, Prepend, SpacingMark, L, V, T, LV, LVT, Invalid }

    private static readonly Lazy<(int[] Starts, int[] Ends, Break[] Values)> Table = new(BuildTable);

    private static readonly Lazy<List<(int Lo, int Hi)>> Pictographic = new(() =>
    {
        var flat = UnicodeBinaryProperties.All.First(p => p.Names.Contains("Extended_Pictographic")).Ranges();
        return [.. Enumerable.Range(0, flat.Length / 2).Select(i => (flat[2 * i], flat[2 * i + 1]))];
    });

    /// <summary>Where the first <paramref name="count"/> clusters of <paramref name="text"/> end (its length if it has fewer).</summary>
    public static int EndOf(ReadOnlySpan<byte> text, int count)
    {
        var at = 0;
        for (var n = 0; n < count && at < text.Length; n++)
        {
            at = NextBoundary(text, at);
        }

        return at;
    }

    private static int NextBoundary(ReadOnlySpan<byte> text, int start)
    {
        var (previous, at) = Decode(text, start, out var previousRune);
        var pictographicThenExtends = IsPictographic(previousRune);
        var regionalIndicators = previous == Break.RegionalIndicator ? 1 : 0;
        var zwjAfterPictographic = false;
        while (at < text.Length)
        {
            var (next, after) = Decode(text, at, out var rune);
            if (!JoinsWith(previous, next, zwjAfterPictographic && IsPictographic(rune), regionalIndicators))
            {
                break;
            }

            zwjAfterPictographic = next == Break.ZWJ && pictographicThenExtends;
            pictographicThenExtends = pictographicThenExtends && next == Break.Extend || IsPictographic(rune);
            regionalIndicators = next == Break.RegionalIndicator ? regionalIndicators + 1 : 0;
            previous = next;
            at = after;
        }

        return at;
    }

    // No boundary between `previous` and `next` (the rules GB3 to GB13; GB999 breaks everywhere else).
    private static bool JoinsWith(Break previous, Break next, bool pictographicAfterZwj, int regionalIndicators) =>
        (previous, next) switch
        {
            (Break.Invalid, _) or (_, Break.Invalid) => false,
            (Break.CR, Break.LF) => true,                                                         // GB3
            (Break.CR or Break.LF or Break.Control, _) or (_, Break.CR or Break.LF or Break.Control) => false, // GB4, GB5
            (Break.L, Break.L or Break.V or Break.LV or Break.LVT) => true,                      // GB6
            (Break.LV or Break.V, Break.V or Break.T) => true,                                  // GB7
            (Break.LVT or Break.T, Break.T) => true,                                            // GB8
            (_, Break.Extend or Break.ZWJ or Break.SpacingMark) => true,                        // GB9, GB9a
            (Break.Prepend, _) => true,                                                         // GB9b
            (Break.ZWJ, _) when pictographicAfterZwj => true,                                   // GB11
            (Break.RegionalIndicator, Break.RegionalIndicator) => regionalIndicators % 2 == 1,  // GB12, GB13
            _ => false,
        };

    private static (Break Value, int End) Decode(ReadOnlySpan<byte> text, int at, out int rune)
    {
        if (Rune.DecodeFromUtf8(text[at..], out var value, out var consumed) != System.Buffers.OperationStatus.Done)
        {
            rune = -1;
            return (Break.Invalid, at + Math.Max(consumed, 1));
        }

        rune = value.Value;
        return (ValueOf(rune), at + consumed);
    }

    private static Break ValueOf(int rune)
    {
        var (starts, ends, values) = Table.Value;
        var i = Array.BinarySearch(starts, rune);
        i = i >= 0 ? i : ~i - 1;
        return i >= 0 && rune <= ends[i] ? values[i] : Break.Other;
    }

    private static bool IsPictographic(int rune) => rune >= 0xA9 && ClassSet.Contains(Pictographic.Value, rune);

    private static (int[] Starts, int[] Ends, Break[] Values) BuildTable()
    {
        var rows = new List<(int Start, int End, Break Value)>();
        foreach (var (property, names, ranges) in UnicodeBreakProperties.All)
        {
            if (property != "GCB")
            {
                continue;
            }

            var value = names[0] switch
            {
                "CR" => Break.CR, "LF" => Break.LF, "CN" => Break.Control, "EX" => Break.Extend, "ZWJ" => Break.ZWJ,
                "RI" => Break.RegionalIndicator, "PP" => Break.Prepend, "SM" => Break.SpacingMark, "L" => Break.L,
                "V" => Break.V, "T" => Break.T, "LV" => Break.LV, "LVT" => Break.LVT, _ => Break.Other,
            };
            var flat = ranges();
            for (var i = 0; i < flat.Length; i += 2)
            {
                rows.Add((flat[i], flat[i + 1], value));
            }
        }

        rows.Sort((a, b) => a.Start.CompareTo(b.Start));
        return ([.. rows.Select(r => r.Start)], [.. rows.Select(r => r.End)], [.. rows.Select(r => r.Value)]);
    }
}
