using System.Text;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// Seeded random patterns of the default (Rust) dialect and random texts to run them over: literals
/// and classes from several scripts, astral characters, case folding, repetitions (greedy, lazy,
/// counted), groups, alternations and assertions, case-insensitive, CRLF and byte (<c>(?-u)</c>) modes; texts
/// with combining marks, CRLF lines and bytes that are not UTF-8. The same seed always gives the same cases.
/// </summary>
internal sealed class RandomRegex(int seed)
{
    private static readonly string[] Literals = ["a", "b", "c", "x", "é", "ß", "Ω", "σ", "Σ", "ж", "Ж", "中", "😀", "𝐀", "_", "1", "-", " ", "k", "s", "K"];

    private static readonly string[] Classes =
    [
        "\\w", "\\W", "\\d", "\\D", "\\s", "\\S", "\\pL", "\\p{Lu}", "\\p{Greek}", "[a-cé]", "[^a-c]", "[^\\w\\s]",
        "[α-ω]", "\\p{So}", ".", "[[:alpha:]]", "[^ж]",

        // Bytes outside Unicode mode (code points inside it), and classes that Unicode mode decides.
        "\\xFF", "\\xC3", "[\\x80-\\xBF]", "[^a\\xC3]", "[^[:alpha:]]", "(?u:\\w)", "(?u:.)",
    ];

    private static readonly string[] LineAssertions = ["^", "$", "\\A", "\\z"];
    private static readonly string[] WordAssertions = ["\\b", "\\B", "\\<", "\\>", "\\b{start-half}", "\\b{end-half}"];
    private static readonly string[] Quantifiers = ["*", "+", "?", "{2}", "{1,3}", "{0,2}", "*?", "+?", "??"];

    private static readonly byte[][] AnyFragments =
    [
        .. new[] { "abc", "ab", "x", "é", "ß", "ΩΣσ", "жЖ", "中文", "😀", "𝐀𝐁", "e\u0301", " ", "_", "1", "-", "\t", "K", "\u212A", "ſ" }.Select(Encoding.UTF8.GetBytes),
        [0xFF], [0xC3], [0x92],
    ];

    private readonly Random _random = new(seed);

    /// <summary>The fragments texts are made of: every script above, or ASCII only.</summary>
    public static byte[][] Fragments(bool asciiOnly) => asciiOnly ? [.. AnyFragments.Where(f => f.All(b => b < 0x80))] : AnyFragments;

    public string Pattern()
    {
        var pattern = Expression(2);
        pattern = _random.NextDouble() < 0.2 ? "(?i)" + pattern : pattern;
        pattern = _random.NextDouble() < 0.1 ? "(?-u)" + pattern : pattern; // bytes: '.' and classes match single bytes
        return _random.NextDouble() < 0.15 ? "(?R)" + pattern : pattern; // CRLF mode: the texts have CRLF lines
    }

    /// <summary>Lines of random fragments, some ending in CR, each terminated by LF.</summary>
    public byte[] Text(int lines, bool asciiOnly)
    {
        var fragments = Fragments(asciiOnly);
        var text = new List<byte>();
        for (var i = 0; i < lines; i++)
        {
            for (var n = _random.Next(0, 9); n > 0; n--)
            {
                text.AddRange(fragments[_random.Next(fragments.Length)]);
            }

            if (_random.NextDouble() < 0.1)
            {
                text.Add((byte)'\r');
            }

            text.Add((byte)'\n');
        }

        return [.. text];
    }

    private string Expression(int depth) =>
        _random.NextDouble() < 0.25
            ? string.Join("|", Enumerable.Range(0, _random.Next(2, 4)).Select(_ => Concatenation(depth)))
            : Concatenation(depth);

    private string Concatenation(int depth) => string.Concat(Enumerable.Range(0, _random.Next(1, 5)).Select(_ => Piece(depth)));

    private string Piece(int depth)
    {
        if (_random.NextDouble() < 0.15)
        {
            return _random.NextDouble() < 0.6 ? Pick(WordAssertions) : Pick(LineAssertions);
        }

        var atom = Atom(depth);
        return _random.NextDouble() < 0.35 ? atom + Pick(Quantifiers) : atom;
    }

    private string Atom(int depth)
    {
        var r = _random.NextDouble();
        if (r < 0.4 || (r >= 0.75 && depth == 0))
        {
            return Pick(Literals);
        }

        return r < 0.75 ? Pick(Classes) : Pick(["(", "(?:", "(?i:", "(", "(?:", "(?i:", "(?-u:", "(?i-u:"]) + Expression(depth - 1) + ")";
    }

    private string Pick(string[] choices) => choices[_random.Next(choices.Length)];
}
