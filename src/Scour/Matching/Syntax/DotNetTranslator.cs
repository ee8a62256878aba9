using System.Globalization;
using System.Text;

namespace Scour.Matching.Syntax;

/// <summary>
/// Turns a <see cref="RegexNode"/> tree into a .NET pattern with ripgrep's semantics.
/// </summary>
/// <remarks>
/// The text a .NET regex sees is UTF-16 decoded from UTF-8, where each invalid byte became a lone
/// surrogate (see <see cref="Utf8Text"/>). So that invalid bytes match nothing but themselves and an
/// astral character counts as one, classes exclude surrogates and gain the surrogate pairs of exactly
/// the astral characters they hold (from <see cref="ClassSet"/>). Those pairs make a large automaton,
/// so there are three translations, each exact on the text it is for (<see cref="TextForm"/>): without
/// surrogates (<c>surrogateAware: false</c>), with lone surrogates only (<c>astral: false</c>), and
/// with surrogate pairs. Like ripgrep in line mode, no class or <c>.</c> ever matches <c>\n</c>; in
/// multiline mode (<c>-U</c>) classes may, and <c>.</c> does with the <c>s</c> flag. For text known to be ASCII,
/// the <c>asciiOnly</c> translation also takes everything above U+007F out of every class and
/// <c>.</c>: on such text it matches exactly what the full one does, and .NET's engines run far
/// faster on small sets (<c>\w</c> becomes 63 characters instead of some 140,000).
/// </remarks>
internal sealed class DotNetTranslator
{
    // Any astral character (noted as matched).
    private string AnyAstral()
    {
        _astralMembers = [(0x10000, 0x10FFFF)];
        return "[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]";
    }

    // Rust's \w is Alphabetic + Mark + Decimal_Number + Connector_Punctuation + Join_Control;
    // .NET's \w lacks Mc, Me, Nl, the join controls and the circled letters.
    private const string UnicodeWordBody = "\\w\\p{Mc}\\p{Me}\\p{Nl}\\u200C\\u200D\\u24B6-\\u24E9";

    private readonly bool _surrogateAware;
    private readonly bool _astral;
    private readonly bool _multiline;
    private readonly bool _asciiOnly;
    private readonly StringBuilder _sb = new();
    private List<(int Lo, int Hi)> _astralMembers = [];

    private DotNetTranslator(bool surrogateAware, bool astral, bool multiline, bool asciiOnly)
    {
        _surrogateAware = surrogateAware;
        _astral = astral;
        _multiline = multiline;
        _asciiOnly = asciiOnly;
    }

    // What no class may match: the line terminator (in line mode), with surrogate-aware text the
    // surrogates that only the astral alternatives may consume, and for ASCII text all but ASCII.
    private string Excluded => (_multiline ? "" : "\\n") + NeverInText;

    private string NeverInText => (_surrogateAware ? "\\uD800-\\uDFFF" : "") + (_asciiOnly ? "\\u0080-\\uFFFF" : "");

    /// <summary>True when the output uses constructs NonBacktracking refuses (lookaround).</summary>
    public bool NeedsBacktracking { get; private set; }

    public static string Translate(RegexNode node, bool surrogateAware, out bool needsBacktracking) =>
        Translate(node, surrogateAware, multiline: false, out needsBacktracking);

    /// <param name="node">The parsed pattern.</param>
    /// <param name="surrogateAware">The text may hold surrogates: classes leave them out.</param>
    /// <param name="multiline">Classes may match <c>\n</c>.</param>
    /// <param name="needsBacktracking">Set when the output uses lookaround.</param>
    /// <param name="asciiOnly">The text is ASCII.</param>
    /// <param name="astral">With <paramref name="surrogateAware"/>: the text may hold surrogate pairs, so <c>.</c> and classes take the astral characters they match.</param>
    public static string Translate(RegexNode node, bool surrogateAware, bool multiline, out bool needsBacktracking, bool asciiOnly = false, bool astral = true) =>
        Translate(node, surrogateAware, multiline, out needsBacktracking, out _, asciiOnly, astral);

    /// <summary>
    /// As above, and <paramref name="astralMembers"/>: the astral characters that some class, <c>.</c> or
    /// word assertion of the output matches (literal astral characters aside), sorted and merged. On
    /// text whose astral characters are all outside it, the <c>astral: false</c> translation is exact too.
    /// </summary>
    public static string Translate(RegexNode node, bool surrogateAware, bool multiline, out bool needsBacktracking, out List<(int Lo, int Hi)> astralMembers, bool asciiOnly = false, bool astral = true)
    {
        var aware = surrogateAware && !asciiOnly;
        var t = new DotNetTranslator(aware, aware && astral, multiline, asciiOnly);
        t.Emit(node);
        needsBacktracking = t.NeedsBacktracking;
        astralMembers = t._astralMembers;
        return t._sb.ToString();
    }

    private void Emit(RegexNode node)
    {
        switch (node)
        {
            case EmptyNode:
                break;
            case LiteralNode lit:
                EmitLiteral(lit);
                break;
            case DotNode dot:
                var excluded = (_multiline && dot.DotAll ? "" : "\\n") + NeverInText;
                _sb.Append(excluded.Length == 0 ? "[\\s\\S]"
                    : _astral ? "(?:[^" + excluded + "]|" + AnyAstral() + ")"
                    : "[^" + excluded + "]");
                break;
            case ClassNode cls:
                EmitClass(cls.Class, cls.CaseInsensitive);
                break;
            case ByteClassNode b:
                // Exact for ASCII members. .NET reads characters, not bytes: high bytes become every
                // non-ASCII character, an approximation no search relies on (the byte automaton
                // decides every such pattern; only the line-by-line test strategy reaches this).
                EmitCodePoints(b.HasHighBytes ? ClassSet.Union([.. b.Bytes.Where(r => r.Lo < 0x80).Select(r => (r.Lo, Math.Min(r.Hi, 0x7F)))], [(0x80, 0x10FFFF)]) : [.. b.Bytes]);
                break;
            case AssertionNode a:
                EmitAssertion(a);
                break;
            case GroupNode g:
                _sb.Append(g.IsCapturing ? "(" : "(?:");
                Emit(g.Child);
                _sb.Append(')');
                break;
            case RepetitionNode r:
                EmitRepetition(r);
                break;
            case ConcatNode c:
                foreach (var child in c.Children)
                {
                    EmitAtomic(child, forQuantifier: false);
                }

                break;
            case AlternationNode alt:
                for (var i = 0; i < alt.Children.Count; i++)
                {
                    if (i > 0)
                    {
                        _sb.Append('|');
                    }

                    Emit(alt.Children[i]);
                }

                break;
            default:
                throw new InvalidOperationException($"unknown node {node.GetType().Name}");
        }
    }

    // Emits a node so that it stays one unit inside a concatenation or under a quantifier.
    private void EmitAtomic(RegexNode node, bool forQuantifier)
    {
        var needsGroup = node switch
        {
            AlternationNode => true,
            ConcatNode => forQuantifier,
            EmptyNode => forQuantifier,
            RepetitionNode => forQuantifier,
            AssertionNode => forQuantifier,
            _ => false,
        };
        if (needsGroup)
        {
            _sb.Append("(?:");
            Emit(node);
            _sb.Append(')');
        }
        else
        {
            Emit(node);
        }
    }

    private void EmitRepetition(RepetitionNode r)
    {
        EmitAtomic(r.Child, forQuantifier: true);
        switch (r.Min, r.Max)
        {
            case (0, null):
                _sb.Append('*');
                break;
            case (1, null):
                _sb.Append('+');
                break;
            case (0, 1):
                _sb.Append('?');
                break;
            case (var min, null):
                _sb.Append('{').Append(min.ToString(CultureInfo.InvariantCulture)).Append(",}");
                break;
            case (var min, int max) when min == max:
                _sb.Append('{').Append(min.ToString(CultureInfo.InvariantCulture)).Append('}');
                break;
            case (var min, int max):
                _sb.Append('{').Append(min.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(max.ToString(CultureInfo.InvariantCulture)).Append('}');
                break;
        }

        if (!r.Greedy)
        {
            _sb.Append('?');
        }
    }

    private void EmitLiteral(LiteralNode lit)
    {
        if (lit.CaseInsensitive && CaseFolding.HasVariants(lit.CodePoint))
        {
            var variants = CaseFolding.Equivalents(lit.CodePoint);
            if (variants.All(v => v <= 0xFFFF))
            {
                _sb.Append('[');
                foreach (var v in variants)
                {
                    AppendClassChar(v);
                }

                _sb.Append(']');
            }
            else
            {
                _sb.Append("(?:");
                for (var i = 0; i < variants.Count; i++)
                {
                    if (i > 0)
                    {
                        _sb.Append('|');
                    }

                    AppendLiteralChar(variants[i]);
                }

                _sb.Append(')');
            }

            return;
        }

        if (lit.CodePoint > 0xFFFF)
        {
            _sb.Append("(?:");
            AppendLiteralChar(lit.CodePoint);
            _sb.Append(')');
            return;
        }

        AppendLiteralChar(lit.CodePoint);
    }

    private void AppendLiteralChar(int cp)
    {
        if (cp > 0xFFFF)
        {
            var s = char.ConvertFromUtf32(cp);
            AppendEscaped(s[0]);
            AppendEscaped(s[1]);
            return;
        }

        var c = (char)cp;
        if (char.IsAsciiLetterOrDigit(c) || c == '_' || (c > 0x7F && !char.IsSurrogate(c) && !char.IsWhiteSpace(c) && !char.IsControl(c)))
        {
            _sb.Append(c);
        }
        else if (c is '\\' or '*' or '+' or '?' or '|' or '{' or '}' or '[' or ']' or '(' or ')' or '^' or '$' or '.' or '#' or '-' or '/' or '&' or '~' or '"' or '\'' or '<' or '>' or ',' or ':' or ';' or '=' or '!' or '@' or '%' or '`')
        {
            _sb.Append('\\').Append(c);
        }
        else
        {
            AppendEscaped(c);
        }
    }

    private void AppendEscaped(char c) =>
        _sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));

    private void AppendClassChar(int cp)
    {
        var c = (char)cp;
        if (char.IsAsciiLetterOrDigit(c) || (c > 0x7F && !char.IsSurrogate(c) && !char.IsWhiteSpace(c) && !char.IsControl(c)))
        {
            _sb.Append(c);
        }
        else
        {
            AppendEscaped(c);
        }
    }

    private void EmitAssertion(AssertionNode a)
    {
        switch (a.Kind)
        {
            case AssertionKind.StartLine:
                _sb.Append("(?m:^)");
                break;
            case AssertionKind.EndLine:
                _sb.Append("(?m:$)");
                break;
            case AssertionKind.StartText:
                _sb.Append("\\A");
                break;
            case AssertionKind.StartLineCrlf:
                NeedsBacktracking = true;
                _sb.Append("(?:(?<=\\A|\\n)|(?<=\\r)(?!\\n))");
                break;
            case AssertionKind.EndLineCrlf:
                NeedsBacktracking = true;
                _sb.Append("(?:\\z|(?=\\r)|(?<!\\r)(?=\\n))");
                break;
            case AssertionKind.EndText:
                _sb.Append("\\z");
                break;
            case AssertionKind.WordStart or AssertionKind.WordEnd or AssertionKind.WordStartHalf or AssertionKind.WordEndHalf:
                // Lookarounds on the word class of the mode in force (Unicode \w, or ASCII under (?-u)).
                NeedsBacktracking = true;
                var word = a.Unicode ? UnicodeWord() : "[0-9A-Za-z_]";
                _sb.Append(a.Kind switch
                {
                    AssertionKind.WordStart => $"(?<!{word})(?={word})",
                    AssertionKind.WordEnd => $"(?<={word})(?!{word})",
                    AssertionKind.WordStartHalf => $"(?<!{word})",
                    _ => $"(?!{word})",
                });
                break;
            case AssertionKind.WordBoundary when a.Unicode:
                _sb.Append("\\b");
                break;
            case AssertionKind.NotWordBoundary when a.Unicode:
                _sb.Append("\\B");
                break;
            case AssertionKind.WordBoundary:
                NeedsBacktracking = true;
                _sb.Append("(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))");
                break;
            case AssertionKind.NotWordBoundary:
                NeedsBacktracking = true;
                _sb.Append("(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))");
                break;
        }
    }

    // Unicode \w for the word assertions, its astral letters included where the text can hold them.
    private string UnicodeWord()
    {
        if (!_astral)
        {
            return _surrogateAware ? "[" + UnicodeWordBody + "-[" + NeverInText + "]]" : "[" + UnicodeWordBody + "]";
        }

        List<string> alternatives = ["[" + UnicodeWordBody + "-[" + NeverInText + "]]"];
        AddAstral(alternatives, ClassSet.Evaluate(new CharClass([new PerlItem(PerlClassKind.Word, Negated: false, Unicode: true)], Negated: false), caseInsensitive: false));
        return "(?:" + string.Join('|', alternatives) + ")";
    }

    private void EmitClass(CharClass cls, bool caseInsensitive)
    {
        // Case-insensitive classes too: .NET's class syntax cannot fold \p{Lu} or [:alpha:] as Rust
        // does (the Kelvin sign is in (?i)[[:alpha:]], lowercase letters in (?i)\p{Lu}).
        if (ClassSet.NeedsEvaluation(cls) || caseInsensitive)
        {
            EmitCodePoints(ClassSet.Evaluate(cls, caseInsensitive));
            return;
        }

        // A class that is only a negated item, e.g. \W or \P{L}, is the negation of the positive item.
        var written = !cls.Negated && cls.Items.Count == 1 && TryNegatedSingle(cls.Items[0], out var positive)
            ? new CharClass([positive], Negated: true)
            : cls;

        // The BMP part in .NET's class syntax; the astral part, exactly, from the class's code points.
        var body = new StringBuilder();
        AppendItems(written, body);
        var alternatives = new List<string>();
        if (written.Negated)
        {
            body.Append(Excluded);
            alternatives.Add(body.Length == 0 ? "[\\s\\S]" : "[^" + body + "]");
        }
        else if (body.Length > 0)
        {
            alternatives.Add(Excluded.Length == 0 ? "[" + body + "]" : "[" + body + "-[" + Excluded + "]]");
        }

        if (_astral)
        {
            AddAstral(alternatives, ClassSet.Evaluate(cls, caseInsensitive: false));
        }

        AppendAlternatives(alternatives);
    }

    // A class given as its exact code points: BMP ranges in one .NET class, astral ones as surrogate
    // pairs (only where the text can hold them); \n stays out in line mode.
    private void EmitCodePoints(List<(int Lo, int Hi)> set)
    {
        var body = new StringBuilder();
        var alternatives = new List<string>();
        foreach (var (lo, hi) in set)
        {
            var first = !_multiline && lo == '\n' ? lo + 1 : lo;
            var bmpLast = Math.Min(hi, 0xFFFF);
            if (!_multiline && first < '\n' && bmpLast >= '\n')
            {
                AppendBmpRange(body, first, '\n' - 1);
                first = '\n' + 1;
            }

            if (first <= bmpLast)
            {
                AppendBmpRange(body, first, bmpLast);
            }
        }

        if (body.Length > 0)
        {
            alternatives.Add("[" + body + "]");
        }

        if (_astral)
        {
            AddAstral(alternatives, set);
        }

        AppendAlternatives(alternatives);
    }

    private void AppendAlternatives(List<string> alternatives) => _sb.Append(alternatives.Count switch
    {
        0 => "[^\\s\\S]", // an empty class matches nothing
        1 => alternatives[0],
        _ => "(?:" + string.Join('|', alternatives) + ")",
    });

    private static bool TryNegatedSingle(ClassItem item, out ClassItem positive)
    {
        positive = item switch
        {
            PerlItem { Negated: true } p => p with { Negated = false },
            UnicodeItem { Negated: true } u => u with { Negated = false },
            AsciiItem { Negated: true } a => a with { Negated = false },
            _ => null!,
        };
        return positive is not null;
    }

    // The BMP part of a class's items; the astral part comes from ClassSet.
    private static void AppendItems(CharClass cls, StringBuilder body)
    {
        foreach (var item in cls.Items)
        {
            switch (item)
            {
                case RangeItem r:
                    AppendRange(r, body);
                    break;
                case PerlItem p:
                    body.Append(PerlBody(p));
                    break;
                case UnicodeItem { Property.Ranges: { } ranges } u:
                    foreach (var (first, last) in u.Negated ? Complement(Pairs(ranges)) : Pairs(ranges))
                    {
                        AppendRange(new RangeItem(first, last), body);
                    }

                    break;
                case UnicodeItem u:
                    body.Append(u.Negated ? u.Property.Negated ?? throw Unsupported(u) : u.Property.Positive);
                    break;
                case AsciiItem a:
                    body.Append(AsciiBody(a.Name, a.Negated));
                    break;
                case NestedItem n when !n.Class.Negated:
                    AppendItems(n.Class, body);
                    break;
                case NestedItem:
                    throw new PatternSyntaxException("negated classes nested in a class are not supported yet");
            }
        }
    }

    private static PatternSyntaxException Unsupported(UnicodeItem u) =>
        new($"the negation of \\p{{{u.Property.Canonical}}} inside a class is not supported yet");

    private static void AppendRange(RangeItem r, StringBuilder body)
    {
        if (r.First <= 0xFFFF)
        {
            AppendBmpRange(body, r.First, Math.Min(r.Last, 0xFFFF));
        }
    }

    private static void AppendBmpRange(StringBuilder body, int first, int last)
    {
        AppendClassUnit(body, first);
        if (last > first)
        {
            body.Append('-');
            AppendClassUnit(body, last);
        }
    }

    private static void AppendClassUnit(StringBuilder body, int cp)
    {
        var c = (char)cp;
        if (char.IsAsciiLetterOrDigit(c))
        {
            body.Append(c);
        }
        else
        {
            body.Append("\\u").Append(cp.ToString("X4", CultureInfo.InvariantCulture));
        }
    }

    private static string PerlBody(PerlItem p)
    {
        if (p.Unicode)
        {
            return (p.Kind, p.Negated) switch
            {
                (PerlClassKind.Digit, false) => "\\d",
                (PerlClassKind.Digit, true) => "\\D",
                (PerlClassKind.Word, false) => UnicodeWordBody,
                (PerlClassKind.Word, true) => "\\W",
                (PerlClassKind.Space, false) => "\\s",
                _ => "\\S",
            };
        }

        var name = p.Kind switch
        {
            PerlClassKind.Digit => "digit",
            PerlClassKind.Word => "word",
            _ => "space",
        };
        return AsciiBody(name, p.Negated);
    }

    private static string AsciiBody(string name, bool negated)
    {
        var ranges = AsciiRanges(name);
        if (negated)
        {
            ranges = Complement(ranges);
        }

        var sb = new StringBuilder();
        foreach (var (lo, hi) in ranges)
        {
            AppendBmpRange(sb, lo, hi);
        }

        return sb.ToString();
    }

    /// <summary>The ranges of a POSIX class such as <c>alpha</c> (also <c>\d \w \s</c> under <c>(?-u)</c>).</summary>
    internal static (int, int)[] AsciiRanges(string name) => name switch
    {
        "alnum" => [('0', '9'), ('A', 'Z'), ('a', 'z')],
        "alpha" => [('A', 'Z'), ('a', 'z')],
        "ascii" => [(0, 0x7F)],
        "blank" => [('\t', '\t'), (' ', ' ')],
        "cntrl" => [(0, 0x1F), (0x7F, 0x7F)],
        "digit" => [('0', '9')],
        "graph" => [('!', '~')],
        "lower" => [('a', 'z')],
        "print" => [(' ', '~')],
        "punct" => [('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
        "space" => [('\t', '\r'), (' ', ' ')],
        "upper" => [('A', 'Z')],
        "word" => [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')],
        "xdigit" => [('0', '9'), ('A', 'F'), ('a', 'f')],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static (int, int)[] Pairs(int[] flat)
    {
        var pairs = new (int, int)[flat.Length / 2];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (flat[2 * i], flat[(2 * i) + 1]);
        }

        return pairs;
    }

    // The complement within the BMP (ASCII classes) or, when any range is astral, within all of Unicode.
    private static (int, int)[] Complement((int Lo, int Hi)[] ranges)
    {
        var max = ranges.Any(r => r.Hi > 0xFFFF) ? 0x10FFFF : 0xFFFF;
        var result = new List<(int, int)>();
        var next = 0;
        foreach (var (lo, hi) in ranges.OrderBy(r => r.Lo))
        {
            if (lo > next)
            {
                result.Add((next, lo - 1));
            }

            next = hi + 1;
        }

        if (next <= max)
        {
            result.Add((next, max));
        }

        return result.ToArray();
    }

    // The astral members of a set as UTF-16 alternatives: the low surrogates each high surrogate
    // takes, one alternative per run of high surrogates that take the same ones.
    private void AddAstral(List<string> alternatives, List<(int Lo, int Hi)> set)
    {
        _astralMembers = ClassSet.Union(_astralMembers, [.. set.Where(r => r.Hi > 0xFFFF).Select(r => (Math.Max(r.Lo, 0x10000), r.Hi))]);
        var byHigh = new SortedDictionary<int, StringBuilder>();
        foreach (var (lo, hi) in set)
        {
            for (var cp = Math.Max(lo, 0x10000); cp <= hi;)
            {
                var high = 0xD800 + ((cp - 0x10000) >> 10);
                var end = Math.Min(hi, 0x10000 + (((high - 0xD800) + 1) << 10) - 1);
                if (!byHigh.TryGetValue(high, out var lows))
                {
                    byHigh[high] = lows = new StringBuilder();
                }

                AppendBmpRange(lows, 0xDC00 + ((cp - 0x10000) & 0x3FF), 0xDC00 + ((end - 0x10000) & 0x3FF));
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
}
