using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Scour.Matching.Syntax;

/// <summary>
/// Rewrites a PCRE2 pattern (<c>-P</c>) into .NET's syntax, which shares most of it (lookaround,
/// backreferences, atomic groups, inline flags, Unicode classes). What .NET spells differently is
/// rewritten (<c>(?P&lt;n&gt;</c>, <c>(?P=n)</c>, <c>\Q..\E</c>, <c>\x{..}</c>, <c>\h</c>, <c>\R</c>,
/// POSIX classes); what .NET lacks (recursion, <c>\K</c>, possessive quantifiers) is rejected by name.
/// </summary>
internal static class PcreTranslator
{
    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alpha"] = "a-zA-Z", ["digit"] = "0-9", ["alnum"] = "a-zA-Z0-9", ["upper"] = "A-Z", ["lower"] = "a-z",
        ["space"] = "\\t\\n\\v\\f\\r ", ["blank"] = "\\t ", ["xdigit"] = "0-9A-Fa-f", ["word"] = "\\w",
        ["punct"] = "!-/:-@\\[-`{-~", ["cntrl"] = "\\x00-\\x1F\\x7F", ["print"] = " -~", ["graph"] = "!-~", ["ascii"] = "\\x00-\\x7F",
    };

    public static string Translate(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var rest = pattern.AsSpan(i);
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                switch (next)
                {
                    case 'Q':
                        var end = pattern.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                        var quoted = end < 0 ? pattern[(i + 2)..] : pattern[(i + 2)..end];
                        sb.Append(inClass ? quoted.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal) : Regex.Escape(quoted));
                        i = end < 0 ? pattern.Length : end + 1;
                        continue;
                    case 'x' when i + 2 < pattern.Length && pattern[i + 2] == '{':
                        var close = pattern.IndexOf('}', i + 3);
                        if (close < 0 || !int.TryParse(pattern.AsSpan(i + 3, close - i - 3), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp) || cp > 0x10FFFF)
                        {
                            throw Unsupported("a malformed \\x{...} escape");
                        }

                        foreach (var unit in char.ConvertFromUtf32(cp))
                        {
                            sb.Append("\\u").Append(((int)unit).ToString("X4", CultureInfo.InvariantCulture));
                        }

                        i = close;
                        continue;
                    case 'h':
                        sb.Append(inClass ? "\\t\\p{Zs}" : "[\\t\\p{Zs}]");
                        i++;
                        continue;
                    case 'H' when !inClass:
                        sb.Append("[^\\t\\p{Zs}]");
                        i++;
                        continue;
                    case 'R' when !inClass:
                        sb.Append("(?:\\r\\n|[\\n\\v\\f\\r\\u0085\\u2028\\u2029])");
                        i++;
                        continue;
                    case 'N' when !inClass:
                        sb.Append("[^\\n]");
                        i++;
                        continue;
                    case 'K':
                        throw Unsupported("\\K (match start reset)");
                    case 'X' when !inClass:
                        throw Unsupported("\\X (extended grapheme clusters)");
                    case 'p' or 'P' when i + 2 < pattern.Length && pattern[i + 2] == '{' && pattern.IndexOf('}', i) is var braceEnd and > 0
                        && !IsDotNetCategory(pattern[(i + 3)..braceEnd]):
                        // Scripts and properties .NET does not know (\p{Greek}): the default dialect's tables.
                        if (inClass)
                        {
                            throw Unsupported($"\\{next}{{{pattern[(i + 3)..braceEnd]}}} inside a bracketed class");
                        }

                        var property = RegexParser.Parse(pattern[i..(braceEnd + 1)], RegexFlags.Default) as ClassNode
                            ?? throw Unsupported($"\\{next}{{{pattern[(i + 3)..braceEnd]}}}");
                        sb.Append(DotNetClassText.Of(ClassSet.Evaluate(property.Class, caseInsensitive: false)));
                        i = braceEnd;
                        continue;
                    default:
                        sb.Append(c).Append(next);
                        i++;
                        continue;
                }
            }

            if (inClass)
            {
                if (rest.StartsWith("[:") && pattern.IndexOf(":]", i + 2, StringComparison.Ordinal) is var posixEnd and > 0)
                {
                    var name = pattern[(i + 2)..posixEnd];
                    var negated = name.StartsWith('^');
                    if (!PosixClasses.TryGetValue(negated ? name[1..] : name, out var body) || negated)
                    {
                        throw Unsupported($"the POSIX class [:{name}:]");
                    }

                    sb.Append(body);
                    i = posixEnd + 1;
                    continue;
                }

                if (c == ']')
                {
                    inClass = false;
                }

                sb.Append(c);
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                sb.Append(c);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    sb.Append('^');
                    i++;
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    sb.Append("\\]"); // a leading ] is a literal in PCRE
                    i++;
                }

                continue;
            }

            if (rest.StartsWith("(?P<"))
            {
                sb.Append("(?<");
                i += 3;
                continue;
            }

            if (rest.StartsWith("(?P="))
            {
                var close = pattern.IndexOf(')', i);
                sb.Append("\\k<").Append(pattern, i + 4, close - i - 4).Append('>');
                i = close;
                continue;
            }

            if (rest.StartsWith("(?|"))
            {
                throw Unsupported("branch reset groups");
            }

            if (rest.StartsWith("(?R)") || rest.StartsWith("(?&") || rest.StartsWith("(?P>") || (rest.Length > 2 && rest.StartsWith("(?") && (char.IsAsciiDigit(rest[2]) || rest[2] is '+' or '-') && !rest.StartsWith("(?-")))
            {
                throw Unsupported("recursion and subroutine calls");
            }

            if (c is '*' or '+' or '?' or '}' && i + 1 < pattern.Length && pattern[i + 1] == '+' && i > 0 && pattern[i - 1] != '\\' && !(c == '?' && pattern[i - 1] == '(')
                && (c != '}' || EndsCountedRepetition(pattern, i)))
            {
                throw Unsupported("possessive quantifiers (write an atomic group (?>...) instead)");
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    // General categories by their short names (L, Lu, Nd, ...), which .NET reads itself.
    private static bool IsDotNetCategory(string name) =>
        name.Length is 1 or 2 && char.IsAsciiLetterUpper(name[0]) && (name.Length == 1 || char.IsAsciiLetterLower(name[1]));

    private static PatternSyntaxException Unsupported(string what) =>
        new($"PCRE2: {what} is not supported by scour's backtracking engine");

    private static readonly System.Buffers.SearchValues<char> RepetitionCount = System.Buffers.SearchValues.Create("0123456789,");

    // True when the '}' at `close` ends {n}, {n,} or {n,m}, not an escape's braces (\p{Ll}, \x{41}).
    private static bool EndsCountedRepetition(string pattern, int close)
    {
        var open = pattern.LastIndexOf('{', close);
        if (open < 1 || open + 1 == close || (pattern[open - 1] is 'x' or 'p' or 'P' or 'N' or 'o' or 'g' or 'k' && open >= 2 && pattern[open - 2] == '\\'))
        {
            return false;
        }

        return !pattern.AsSpan(open + 1, close - open - 1).ContainsAnyExcept(RepetitionCount);
    }
}
