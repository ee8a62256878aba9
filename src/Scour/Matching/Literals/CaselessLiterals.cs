using System.Buffers;
using System.Text;
using Scour.Matching.Syntax;

namespace Scour.Matching.Literals;

/// <summary>
/// A pattern that is a string or an alternation of strings with case-insensitive characters
/// (<c>-i sherlock</c>, <c>-i 'holmes|watson'</c>), matched on UTF-8 bytes: each character of the
/// pattern accepts the characters of its simple case-folding orbit. It confirms the lines a prefilter
/// found, so that such a pattern needs no regex (building .NET's automaton for one costs milliseconds
/// per run); matches follow the leftmost-first rule, as the regex's would.
/// </summary>
internal sealed class CaselessLiterals
{
    // Per string, per character: the code points it accepts, ascending.
    private readonly int[][][] _strings;

    // The first UTF-8 byte of every code point a string may start with: a match can start only
    // there, and other bytes are skipped by a vectorized search.
    private readonly SearchValues<byte> _startBytes;

    private CaselessLiterals(int[][][] strings)
    {
        _strings = strings;
        _startBytes = SearchValues.Create([.. strings.SelectMany(s => s[0]).Select(cp => Encoding.UTF8.GetBytes(char.ConvertFromUtf32(cp))[0]).Distinct()]);
    }

    /// <summary>The pattern as caseless strings, or null unless it is only literals, groupings and one alternation.</summary>
    public static CaselessLiterals? From(RegexNode tree)
    {
        while (tree is GroupNode { IsCapturing: false } group)
        {
            tree = group.Child;
        }

        var alternatives = tree is AlternationNode alternation ? alternation.Children : [tree];
        var strings = new int[alternatives.Count][][];
        for (var i = 0; i < strings.Length; i++)
        {
            var characters = new List<int[]>();
            if (!AppendCharacters(alternatives[i], characters) || characters.Count == 0)
            {
                return null;
            }

            strings[i] = [.. characters];
        }

        return new CaselessLiterals(strings);
    }

    private static bool AppendCharacters(RegexNode node, List<int[]> characters)
    {
        switch (node)
        {
            case LiteralNode literal:
                characters.Add(literal.CaseInsensitive ? [.. CaseFolding.Equivalents(literal.CodePoint)] : [literal.CodePoint]);
                return true;
            case GroupNode { IsCapturing: false } group:
                return AppendCharacters(group.Child, characters);
            case ConcatNode concat:
                return concat.Children.All(child => AppendCharacters(child, characters));
            default:
                return false;
        }
    }

    /// <summary>The offset of the leftmost-first match in <paramref name="text"/> (and its length), or -1.</summary>
    public int First(ReadOnlySpan<byte> text, out int length)
    {
        var start = 0;
        while (start < text.Length)
        {
            // Continuation bytes are never start bytes, so this lands on a character (or invalid) boundary.
            var skip = text[start..].IndexOfAny(_startBytes);
            if (skip < 0)
            {
                break;
            }

            start += skip;
            foreach (var s in _strings)
            {
                if (MatchAt(text, start, s, out length))
                {
                    return start;
                }
            }

            start++;
        }

        length = 0;
        return -1;
    }

    /// <summary>Adds every match in <paramref name="line"/>, left to right, to <paramref name="matches"/>.</summary>
    public void FindAll(ReadOnlySpan<byte> line, List<ByteRange> matches)
    {
        var at = 0;
        while (First(line[at..], out var length) is var i and >= 0)
        {
            matches.Add(new ByteRange(at + i, at + i + length));
            at += i + length;
        }
    }

    private static bool MatchAt(ReadOnlySpan<byte> text, int start, int[][] characters, out int length)
    {
        var at = start;
        foreach (var accepted in characters)
        {
            if (Rune.DecodeFromUtf8(text[at..], out var rune, out var consumed) != OperationStatus.Done
                || (accepted.Length == 1 ? accepted[0] != rune.Value : Array.BinarySearch(accepted, rune.Value) < 0))
            {
                length = 0;
                return false;
            }

            at += consumed;
        }

        length = at - start;
        return true;
    }
}
