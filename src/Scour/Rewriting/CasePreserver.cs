using System.Text;

namespace Scour.Rewriting;

/// <summary>
/// <c>--preserve-case</c>: gives a replacement the letter case of the text it replaces. Both are split
/// into words (at <c>_</c>, <c>-</c>, spaces and lower-to-upper humps); when they have as many words, each
/// replacement word takes the style of its counterpart (<c>lower</c>, <c>Capitalized</c>, <c>UPPER</c>),
/// so <c>fooBar → bazQux</c> also turns <c>FooBar</c> into <c>BazQux</c> and <c>FOO_BAR</c> into
/// <c>BAZ_QUX</c>. Otherwise the whole match's style applies: all upper, all lower, or capitalized.
/// A match with another mix of cases, or without letters, leaves the replacement as written.
/// </summary>
internal static class CasePreserver
{
    private enum Style
    {
        AsWritten,
        Lower,
        Upper,
        Capitalized,
    }

    public static string Apply(string matched, string replacement)
    {
        var matchWords = Words(matched);
        var replacementWords = Words(replacement);
        if (matchWords.Count > 1 && matchWords.Count == replacementWords.Count)
        {
            var sb = new StringBuilder(replacement.Length);
            var at = 0;
            for (var i = 0; i < replacementWords.Count; i++)
            {
                var (start, length) = replacementWords[i];
                sb.Append(replacement, at, start - at);
                sb.Append(Restyle(replacement.Substring(start, length), StyleOf(matched.Substring(matchWords[i].Start, matchWords[i].Length), single: false)));
                at = start + length;
            }

            return sb.Append(replacement, at, replacement.Length - at).ToString();
        }

        return Restyle(replacement, StyleOf(matched, single: true));
    }

    private static Style StyleOf(string text, bool single)
    {
        int upper = 0, lower = 0;
        var firstUpper = false;
        var sawLetter = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsUpper(rune))
            {
                upper++;
                firstUpper |= !sawLetter;
            }
            else if (Rune.IsLower(rune))
            {
                lower++;
            }

            sawLetter |= Rune.IsLetter(rune);
        }

        return (upper, lower) switch
        {
            (0, 0) => Style.AsWritten,
            (0, _) => Style.Lower,
            (1, 0) when firstUpper => Style.Capitalized, // "F": one capital reads as a capitalized word
            (_, 0) => Style.Upper,
            (1, _) when firstUpper => Style.Capitalized,
            _ when !single && firstUpper => Style.Capitalized,
            _ => Style.AsWritten,
        };
    }

    private static string Restyle(string text, Style style) => style switch
    {
        Style.Lower => text.ToLowerInvariant(),
        Style.Upper => text.ToUpperInvariant(),
        Style.Capitalized => Capitalize(text),
        _ => text,
    };

    // The first letter upper case, the rest as written (a replacement "iPhone" stays "IPhone", not "Iphone").
    private static string Capitalize(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Rune.TryGetRuneAt(text, i, out var rune) && Rune.IsLetter(rune))
            {
                var upper = Rune.ToUpperInvariant(rune).ToString();
                return string.Concat(text.AsSpan(0, i), upper, text.AsSpan(i + rune.Utf16SequenceLength));
            }
        }

        return text;
    }

    // Words: runs of letters and digits, split where a lower-case letter is followed by an upper-case one.
    private static List<(int Start, int Length)> Words(string text)
    {
        var words = new List<(int Start, int Length)>();
        var start = -1;
        var previousLower = false;
        for (var i = 0; i < text.Length;)
        {
            var rune = Rune.GetRuneAt(text, i);
            var isWordChar = Rune.IsLetterOrDigit(rune);
            var hump = isWordChar && previousLower && Rune.IsUpper(rune);
            if (start >= 0 && (!isWordChar || hump))
            {
                words.Add((start, i - start));
                start = -1;
            }

            if (isWordChar && start < 0)
            {
                start = i;
            }

            previousLower = Rune.IsLower(rune) || (previousLower && Rune.IsDigit(rune));
            i += rune.Utf16SequenceLength;
        }

        if (start >= 0)
        {
            words.Add((start, text.Length - start));
        }

        return words;
    }
}
