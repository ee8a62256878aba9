using System.Buffers;

namespace Scour.Walking;

/// <summary>
/// A compiled glob over <c>/</c>-separated paths: <c>*</c> and <c>?</c> never cross <c>/</c>;
/// <c>**/</c>, <c>/**/</c> and a trailing <c>/**</c> span directories; <c>[...]</c> classes take ranges
/// and <c>!</c>/<c>^</c> negation; <c>\</c> escapes; <c>{a,b}</c> alternates when enabled.
/// Matching allocates nothing.
/// </summary>
public sealed class Glob
{
    private enum Kind : byte
    {
        Literal,
        AnyChar,
        Star,
        AnyDirs, // "**/": zero or more whole directories
        AnyRest, // a trailing "**": anything at all, "/" included
        Class,
        Alternates,
    }

    private readonly record struct Token(Kind Kind, char Char, int Index);

    private readonly Token[] _tokens;
    private readonly (char First, char Last)[][] _classes;
    private readonly bool[] _classNegated;
    private readonly Glob[][] _alternates;
    private readonly bool _caseInsensitive;
    private readonly string? _literal;
    private readonly string? _suffix;

    private Glob(string source, Token[] tokens, List<(char, char)[]> classes, List<bool> negated, List<Glob[]> alternates, bool caseInsensitive)
    {
        Source = source;
        _tokens = tokens;
        _classes = classes.ToArray();
        _classNegated = negated.ToArray();
        _alternates = alternates.ToArray();
        _caseInsensitive = caseInsensitive;

        if (!caseInsensitive && tokens.All(t => t.Kind == Kind.Literal))
        {
            _literal = new string(tokens.Select(t => t.Char).ToArray());
        }
        else if (!caseInsensitive && tokens.Length > 1 && tokens[0].Kind == Kind.Star && tokens.Skip(1).All(t => t.Kind == Kind.Literal && t.Char != '/'))
        {
            _suffix = new string(tokens.Skip(1).Select(t => t.Char).ToArray()); // "*.rs"
        }
    }

    /// <summary>The glob as written.</summary>
    public string Source { get; }

    /// <summary>The exact text the glob matches when it has no wildcard (case-sensitive only), else null.</summary>
    public string? LiteralText => _literal;

    /// <summary>For a case-sensitive <c>*TEXT</c> glob (TEXT without wildcards or <c>/</c>), TEXT; else null.</summary>
    public string? LiteralSuffix => _suffix;

    /// <summary>Parses a glob; throws <see cref="GlobSyntaxException"/> when it is malformed.</summary>
    /// <param name="glob">The glob text.</param>
    /// <param name="caseInsensitive">Ignore ASCII and simple Unicode case.</param>
    /// <param name="alternates">Whether <c>{a,b}</c> means alternation (ripgrep's <c>-g</c>) or is literal (gitignore).</param>
    public static Glob Parse(string glob, bool caseInsensitive = false, bool alternates = true)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var pos = 0;
        var result = ParseSequence(glob, ref pos, caseInsensitive, alternates, nested: false);
        return result;
    }

    private static Glob ParseSequence(string glob, ref int pos, bool ci, bool alternates, bool nested)
    {
        var start = pos;
        var tokens = new List<Token>();
        var classes = new List<(char, char)[]>();
        var negated = new List<bool>();
        var alts = new List<Glob[]>();
        while (pos < glob.Length)
        {
            var c = glob[pos];
            if (nested && c is ',' or '}')
            {
                break;
            }

            switch (c)
            {
                case '\\':
                    if (pos + 1 >= glob.Length)
                    {
                        throw new GlobSyntaxException(glob, "dangling '\\'");
                    }

                    tokens.Add(new Token(Kind.Literal, Fold(glob[pos + 1], ci), 0));
                    pos += 2;
                    break;
                case '?':
                    tokens.Add(new Token(Kind.AnyChar, '\0', 0));
                    pos++;
                    break;
                case '*':
                    ParseStars(glob, ref pos, tokens);
                    break;
                case '[':
                    if (TryParseClass(glob, ref pos, ci, out var ranges, out var neg))
                    {
                        tokens.Add(new Token(Kind.Class, '\0', classes.Count));
                        classes.Add(ranges);
                        negated.Add(neg);
                    }
                    else
                    {
                        tokens.Add(new Token(Kind.Literal, '[', 0)); // an unclosed '[' is literal, as in git
                        pos++;
                    }

                    break;
                case '{' when alternates:
                    var open = pos;
                    pos++;
                    var options = new List<Glob>();
                    while (true)
                    {
                        options.Add(ParseSequence(glob, ref pos, ci, alternates, nested: true));
                        if (pos >= glob.Length)
                        {
                            throw new GlobSyntaxException(glob, "unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)");
                        }

                        if (glob[pos++] == '}')
                        {
                            break;
                        }
                    }

                    _ = open;
                    tokens.Add(new Token(Kind.Alternates, '\0', alts.Count));
                    alts.Add(options.ToArray());
                    break;
                case '}' when alternates && !nested:
                    throw new GlobSyntaxException(glob, "unopened alternate group; missing '{' (maybe escape '}' with '[}]'?)");
                default:
                    tokens.Add(new Token(Kind.Literal, Fold(c, ci), 0));
                    pos++;
                    break;
            }
        }

        return new Glob(glob[start..pos], tokens.ToArray(), classes, negated, alts, ci);
    }

    private static void ParseStars(string glob, ref int pos, List<Token> tokens)
    {
        var run = pos;
        while (run < glob.Length && glob[run] == '*')
        {
            run++;
        }

        var count = run - pos;
        var atSegmentStart = pos == 0 || glob[pos - 1] == '/';
        var atSegmentEnd = run == glob.Length || glob[run] == '/';
        if (count >= 2 && atSegmentStart && atSegmentEnd)
        {
            if (run == glob.Length)
            {
                tokens.Add(new Token(Kind.AnyRest, '\0', 0));
                pos = run;
            }
            else
            {
                tokens.Add(new Token(Kind.AnyDirs, '\0', 0));
                pos = run + 1; // consume the '/'
            }

            return;
        }

        tokens.Add(new Token(Kind.Star, '\0', 0));
        pos = run;
    }

    private static bool TryParseClass(string glob, ref int pos, bool ci, out (char, char)[] ranges, out bool negated)
    {
        var i = pos + 1;
        negated = false;
        if (i < glob.Length && glob[i] is '!' or '^')
        {
            negated = true;
            i++;
        }

        var list = new List<(char, char)>();
        var first = true;
        while (i < glob.Length && (glob[i] != ']' || first))
        {
            first = false;
            var lo = glob[i];
            if (lo == '\\' && i + 1 < glob.Length)
            {
                lo = glob[++i];
            }

            i++;
            var hi = lo;
            if (i + 1 < glob.Length && glob[i] == '-' && glob[i + 1] != ']')
            {
                hi = glob[i + 1];
                if (hi == '\\' && i + 2 < glob.Length)
                {
                    hi = glob[i + 2];
                    i++;
                }

                i += 2;
                if (hi < lo)
                {
                    throw new GlobSyntaxException(glob, $"invalid range; '{lo}' > '{hi}'");
                }
            }

            list.Add((lo, hi));
            if (ci)
            {
                for (var c = lo; c <= hi && c - lo < 512; c++)
                {
                    var f = Fold(c, true);
                    if (f != c)
                    {
                        list.Add((f, f));
                    }

                    if (c == char.MaxValue)
                    {
                        break;
                    }
                }
            }
        }

        if (i >= glob.Length)
        {
            ranges = [];
            return false;
        }

        pos = i + 1;
        ranges = list.ToArray();
        return true;
    }

    private static char Fold(char c, bool ci) => ci ? char.ToLowerInvariant(c) : c;

    /// <summary>True if the whole <paramref name="path"/> matches.</summary>
    public bool IsMatch(ReadOnlySpan<char> path)
    {
        if (_literal is not null)
        {
            return path.SequenceEqual(_literal);
        }

        if (_suffix is not null)
        {
            return path.EndsWith(_suffix, StringComparison.Ordinal) && path[..^_suffix.Length].IndexOf('/') < 0;
        }

        var cells = (_tokens.Length + 1) * (path.Length + 1);
        if (cells <= 2048)
        {
            Span<bool> failed = stackalloc bool[cells];
            return Match(0, path, 0, failed);
        }

        var rented = ArrayPool<bool>.Shared.Rent(cells);
        try
        {
            var failed = rented.AsSpan(0, cells);
            failed.Clear();
            return Match(0, path, 0, failed);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(rented);
        }
    }

    /// <summary>Matches the tokens from <paramref name="ti"/> against <c>path[pi..]</c>; memoizes failures.</summary>
    private bool Match(int ti, ReadOnlySpan<char> path, int pi, Span<bool> failed)
    {
        while (true)
        {
            if (ti == _tokens.Length)
            {
                return pi == path.Length;
            }

            var cell = (ti * (path.Length + 1)) + pi;
            if (failed[cell])
            {
                return false;
            }

            var t = _tokens[ti];
            switch (t.Kind)
            {
                case Kind.Literal:
                    if (pi < path.Length && Fold(path[pi], _caseInsensitive) == t.Char)
                    {
                        ti++;
                        pi++;
                        continue;
                    }

                    break;
                case Kind.AnyChar:
                    if (pi < path.Length && path[pi] != '/')
                    {
                        ti++;
                        pi++;
                        continue;
                    }

                    break;
                case Kind.Class:
                    if (pi < path.Length && path[pi] != '/' && InClass(t.Index, Fold(path[pi], _caseInsensitive)))
                    {
                        ti++;
                        pi++;
                        continue;
                    }

                    break;
                case Kind.Star:
                    for (var k = pi; k <= path.Length; k++)
                    {
                        if (Match(ti + 1, path, k, failed))
                        {
                            return true;
                        }

                        if (k < path.Length && path[k] == '/')
                        {
                            break;
                        }
                    }

                    break;
                case Kind.AnyDirs:
                    if (Match(ti + 1, path, pi, failed))
                    {
                        return true;
                    }

                    for (var k = pi; k < path.Length; k++)
                    {
                        if (path[k] == '/' && Match(ti + 1, path, k + 1, failed))
                        {
                            return true;
                        }
                    }

                    break;
                case Kind.AnyRest:
                    return true;
                case Kind.Alternates:
                    foreach (var option in _alternates[t.Index])
                    {
                        for (var k = pi; k <= path.Length; k++)
                        {
                            if (option.IsMatch(path[pi..k]) && Match(ti + 1, path, k, failed))
                            {
                                return true;
                            }
                        }
                    }

                    break;
            }

            failed[cell] = true;
            return false;
        }
    }

    private bool InClass(int index, char c)
    {
        var hit = false;
        foreach (var (lo, hi) in _classes[index])
        {
            if (c >= lo && c <= hi)
            {
                hit = true;
                break;
            }
        }

        return hit != _classNegated[index];
    }

    /// <inheritdoc/>
    public override string ToString() => Source;
}
