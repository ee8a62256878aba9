using System.Globalization;
using System.Text;

namespace Scour.Matching.Syntax;

/// <summary>
/// A set of code points written as .NET regex text over UTF-16 decoded from UTF-8 (see
/// <see cref="Utf8Text"/>): the BMP part as one class without the surrogates (a lone one is an escaped
/// invalid byte, which no class matches), each astral run as its surrogate pairs. <c>-P</c> without
/// PCRE2 takes the Unicode properties .NET does not know (<c>\p{Greek}</c>) from here.
/// </summary>
internal static class DotNetClassText
{
    /// <summary>The .NET text matching exactly one character of <paramref name="set"/> (sorted, merged ranges).</summary>
    public static string Of(List<(int Lo, int Hi)> set)
    {
        var alternatives = new List<string>();
        var bmp = new StringBuilder();
        foreach (var (lo, hi) in ClassSet.Difference(set, [(0xD800, 0xDFFF)]))
        {
            if (lo <= 0xFFFF)
            {
                AppendRange(bmp, lo, Math.Min(hi, 0xFFFF));
            }
        }

        if (bmp.Length > 0)
        {
            alternatives.Add("[" + bmp + "]");
        }

        AddAstral(alternatives, set);
        return alternatives.Count switch
        {
            0 => "[^\\s\\S]", // an empty set matches nothing
            1 => alternatives[0],
            _ => "(?:" + string.Join('|', alternatives) + ")",
        };
    }

    // The astral members as UTF-16 alternatives: the low surrogates each high surrogate takes, one
    // alternative per run of high surrogates that take the same ones.
    private static void AddAstral(List<string> alternatives, List<(int Lo, int Hi)> set)
    {
        var byHigh = new SortedDictionary<int, StringBuilder>();
        foreach (var (lo, hi) in set)
        {
            for (var cp = Math.Max(lo, 0x10000); cp <= hi;)
            {
                var high = 0xD800 + ((cp - 0x10000) >> 10);
                var end = Math.Min(hi, 0x10000 + ((high - 0xD800 + 1) << 10) - 1);
                if (!byHigh.TryGetValue(high, out var lows))
                {
                    byHigh[high] = lows = new StringBuilder();
                }

                AppendRange(lows, 0xDC00 + ((cp - 0x10000) & 0x3FF), 0xDC00 + ((end - 0x10000) & 0x3FF));
                cp = end + 1;
            }
        }

        var runs = new List<(int First, int Last, string Lows)>();
        foreach (var (high, lows) in byHigh)
        {
            var text = lows.ToString();
            if (runs.Count > 0 && runs[^1].Last == high - 1 && runs[^1].Lows == text)
            {
                runs[^1] = (runs[^1].First, high, text);
            }
            else
            {
                runs.Add((high, high, text));
            }
        }

        foreach (var (first, last, lows) in runs)
        {
            var highs = first == last ? $"\\u{first:X4}" : $"[\\u{first:X4}-\\u{last:X4}]";
            alternatives.Add($"{highs}[{lows}]");
        }
    }

    private static void AppendRange(StringBuilder body, int first, int last)
    {
        AppendUnit(body, first);
        if (last > first)
        {
            body.Append('-');
            AppendUnit(body, last);
        }
    }

    private static void AppendUnit(StringBuilder body, int cp)
    {
        if (char.IsAsciiLetterOrDigit((char)cp))
        {
            body.Append((char)cp);
        }
        else
        {
            body.Append("\\u").Append(cp.ToString("X4", CultureInfo.InvariantCulture));
        }
    }
}
