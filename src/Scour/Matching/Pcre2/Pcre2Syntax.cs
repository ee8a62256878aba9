using System.Text;

namespace Scour.Matching.Pcre2;

/// <summary>How rg 15 writes patterns for PCRE2 (<c>-P</c>): escaping for <c>-F</c>, joining, and smart case.</summary>
internal static class Pcre2Syntax
{
    /// <summary>The patterns as one, as rg joins them: each (escaped for <c>-F</c>) in a group, separated by <c>|</c>.</summary>
    public static string Join(PatternOptions options) =>
        string.Join("|", options.Patterns.Select(p => "(?:" + (options.FixedStrings ? Escape(p) : p) + ")"));

    /// <summary>
    /// <paramref name="joined"/> held to whole lines (<c>-x</c>) or words (<c>-w</c>) as rg wraps it: <c>-x</c>
    /// wins, since a whole line is bounded by non-word characters anyway. .NET reads the same syntax.
    /// </summary>
    public static string Bound(string joined, PatternOptions options) =>
        options.LineRegexp ? "(?m:^)(?:" + joined + ")(?m:$)"
        : options.WordRegexp ? "(?<!\\w)(?:" + joined + ")(?!\\w)"
        : joined;

    /// <summary>Whether case is ignored: <c>-i</c>, or <c>-S</c> and no upper-case letter in the joined patterns.</summary>
    public static bool IsCaseless(PatternOptions options) =>
        options.Case == CaseMode.Insensitive || (options.Case == CaseMode.Smart && !HasUppercaseLiteral(Join(options)));

    /// <summary>Escapes the characters PCRE2 treats as special (rg's list), so that the text matches itself.</summary>
    public static string Escape(string literal)
    {
        var sb = new StringBuilder(literal.Length + 8);
        foreach (var c in literal)
        {
            if (c is '\\' or '.' or '+' or '*' or '?' or '(' or ')' or '|' or '[' or ']' or '{' or '}' or '^' or '$' or '#' or '-')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Smart case's test, rg's for PCRE2: an upper-case letter that does not follow a backslash. So
    /// <c>\W</c> asks for nothing, and <c>\p{Lu}</c> (its <c>L</c>) asks for case, as in rg.
    /// </summary>
    public static bool HasUppercaseLiteral(string pattern)
    {
        var escaped = false;
        foreach (var rune in pattern.EnumerateRunes())
        {
            if (escaped)
            {
                escaped = false;
            }
            else if (rune.Value == '\\')
            {
                escaped = true;
            }
            else if (Rune.IsUpper(rune))
            {
                return true;
            }
        }

        return false;
    }
}
