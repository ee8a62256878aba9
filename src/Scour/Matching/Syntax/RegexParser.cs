using System.Globalization;

namespace Scour.Matching.Syntax;

/// <summary>Flags of Rust's regex dialect that are in force at a point of the pattern.</summary>
internal readonly record struct RegexFlags(
    bool CaseInsensitive,
    bool MultiLine,
    bool DotAll,
    bool SwapGreed,
    bool Unicode,
    bool Verbose,
    bool Crlf = false)
{
    public static RegexFlags Default => new(false, true, false, false, true, false);
}

/// <summary>
/// Parses a pattern in ripgrep's regex dialect (Rust's <c>regex</c> syntax) into a <see cref="RegexNode"/>
/// tree, rejecting what ripgrep rejects with ripgrep's wording.
/// </summary>
internal sealed class RegexParser
{
    private const string MetaCharacters = "\\.+*?()|[]{}^$#&-~";

    private readonly string _pattern;
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
    private int _pos;
    private int _captureCount;
    private RegexFlags _flags;

    private RegexParser(string pattern, RegexFlags flags)
    {
        _pattern = pattern;
        _flags = flags;
    }

    /// <summary>The number of capturing groups found by the last parse.</summary>
    public int CaptureCount => _captureCount;

    public static RegexNode Parse(string pattern, RegexFlags flags) => Parse(pattern, flags, out _);

    public static RegexNode Parse(string pattern, RegexFlags flags, out int captureCount) =>
        Parse(pattern, flags, out captureCount, out _);

    /// <summary>Parses, also returning the named groups and their numbers.</summary>
    public static RegexNode Parse(string pattern, RegexFlags flags, out int captureCount, out IReadOnlyDictionary<string, int> names)
    {
        var parser = new RegexParser(pattern, flags);
        var node = parser.ParseAlternation(depth: 0, openAt: -1);
        captureCount = parser._captureCount;
        names = parser._names;
        return node;
    }

    private bool AtEnd => _pos >= _pattern.Length;

    private char Current => _pattern[_pos];

    private PatternSyntaxException Error(string reason, int start, int end) => new(_pattern, reason, (start, end));

    private RegexNode ParseAlternation(int depth, int openAt)
    {
        var branches = new List<RegexNode>();
        var items = new List<RegexNode>();
        while (true)
        {
            SkipVerbose();
            if (AtEnd)
            {
                if (depth > 0)
                {
                    throw Error("unclosed group", openAt, openAt + 1);
                }

                break;
            }

            var c = Current;
            if (c == ')')
            {
                if (depth == 0)
                {
                    throw Error("unopened group", _pos, _pos + 1);
                }

                break;
            }

            if (c == '|')
            {
                _pos++;
                branches.Add(MakeConcat(items));
                items = [];
                continue;
            }

            if (c is '*' or '+' or '?' or '{')
            {
                if (items.Count == 0)
                {
                    throw Error("repetition operator missing expression", _pos, _pos + 1);
                }

                items[^1] = ParseRepetition(items[^1]);
                continue;
            }

            var atom = ParseAtom(depth);
            if (atom is not null)
            {
                items.Add(atom);
            }
        }

        branches.Add(MakeConcat(items));
        return branches.Count == 1 ? branches[0] : new AlternationNode(branches);
    }

    private static RegexNode MakeConcat(List<RegexNode> items) => items.Count switch
    {
        0 => EmptyNode.Instance,
        1 => items[0],
        _ => new ConcatNode(items.ToArray()),
    };

    private void SkipVerbose()
    {
        if (!_flags.Verbose)
        {
            return;
        }

        while (!AtEnd)
        {
            if (char.IsWhiteSpace(Current))
            {
                _pos++;
            }
            else if (Current == '#')
            {
                while (!AtEnd && Current != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                break;
            }
        }
    }

    // Returns null for a flag-setting group like "(?i)" that only changes state.
    private RegexNode? ParseAtom(int depth)
    {
        var c = Current;
        switch (c)
        {
            case '(':
                return ParseGroup(depth);
            case '[':
                var cls = ParseClass();
                return _flags.Unicode ? new ClassNode(cls, _flags.CaseInsensitive) : ByteClass(cls);
            case '.':
                _pos++;
                return !_flags.Unicode ? ByteDot()
                    : _flags.Crlf && !_flags.DotAll
                    ? new ClassNode(new CharClass([new RangeItem(0, '\n' - 1), new RangeItem('\n' + 1, '\r' - 1), new RangeItem('\r' + 1, 0x10FFFF)], false), false)
                    : new DotNode(_flags.DotAll);
            case '^':
                _pos++;
                return new AssertionNode(!_flags.MultiLine ? AssertionKind.StartText : _flags.Crlf ? AssertionKind.StartLineCrlf : AssertionKind.StartLine, _flags.MultiLine, _flags.Unicode);
            case '$':
                _pos++;
                return new AssertionNode(!_flags.MultiLine ? AssertionKind.EndText : _flags.Crlf ? AssertionKind.EndLineCrlf : AssertionKind.EndLine, _flags.MultiLine, _flags.Unicode);
            case '\\':
                return ParseEscape(inClass: false) switch
                {
                    EscapeResult.Literal l => Literal(l.CodePoint),
                    EscapeResult.Byte b => new ByteClassNode([(b.Value, b.Value)], new CharClass([new RangeItem(b.Value, b.Value)], false)),
                    EscapeResult.Class k => _flags.Unicode ? new ClassNode(new CharClass([k.Item], false), _flags.CaseInsensitive) : ByteClass(new CharClass([k.Item], false)),
                    EscapeResult.Assertion a => new AssertionNode(a.Kind, _flags.MultiLine, _flags.Unicode),
                    _ => throw new InvalidOperationException(),
                };
            default:
                return Literal(ReadCodePoint(inClass: false));
        }
    }

    // Outside Unicode mode case folding is ASCII's: a letter gains only its ASCII other case (k is
    // not the Kelvin sign), and any other character keeps its case.
    private RegexNode Literal(int cp)
    {
        if (_flags.Unicode || !_flags.CaseInsensitive || !CaseFolding.HasVariants(cp))
        {
            return new LiteralNode(cp, _flags.CaseInsensitive);
        }

        if (cp > 0x7F)
        {
            return new LiteralNode(cp, CaseInsensitive: false);
        }

        return CaseFolding.Equivalents(cp).All(v => v <= 0x7F)
            ? new LiteralNode(cp, CaseInsensitive: true)
            : new ByteClassNode(ClassSet.FoldAscii([(cp, cp)]));
    }

    // A class outside Unicode mode: a set of bytes (see ByteClassNode).
    private ByteClassNode ByteClass(CharClass cls) => new(ClassSet.EvaluateBytes(cls, _flags.CaseInsensitive), cls);

    // '.' outside Unicode mode: any byte but the line terminator (and '\r' in CRLF mode), unless 's'.
    private ByteClassNode ByteDot()
    {
        List<(int Lo, int Hi)> excluded = _flags.DotAll ? [] : _flags.Crlf ? [('\n', '\n'), ('\r', '\r')] : [('\n', '\n')];
        return new ByteClassNode(ClassSet.Difference([(0, 0xFF)], excluded));
    }

    // A literal character. Outside Unicode mode ((?-u), --no-unicode) a class takes only ASCII, as in
    // Rust's regex; a literal outside a class is allowed (rg 15) and matches its UTF-8 bytes.
    private int ReadCodePoint(bool inClass)
    {
        var start = _pos;
        var c = _pattern[_pos];
        int cp = c;
        if (char.IsHighSurrogate(c) && _pos + 1 < _pattern.Length && char.IsLowSurrogate(_pattern[_pos + 1]))
        {
            cp = char.ConvertToUtf32(c, _pattern[_pos + 1]);
            _pos++;
        }

        _pos++;
        if (cp > 0x7F && !_flags.Unicode && inClass)
        {
            throw Error("Unicode not allowed here", start, _pos);
        }

        return cp;
    }

    private RegexNode ParseRepetition(RegexNode target)
    {
        var start = _pos;
        int min;
        int? max;
        switch (Current)
        {
            case '*':
                _pos++;
                (min, max) = (0, null);
                break;
            case '+':
                _pos++;
                (min, max) = (1, null);
                break;
            case '?':
                _pos++;
                (min, max) = (0, 1);
                break;
            default:
                (min, max) = ParseCountedRepetition();
                break;
        }

        var greedy = true;
        if (!AtEnd && Current == '?')
        {
            _pos++;
            greedy = false;
        }

        if (_flags.SwapGreed)
        {
            greedy = !greedy;
        }

        _ = start;
        return new RepetitionNode(target, min, max, greedy);
    }

    private (int Min, int? Max) ParseCountedRepetition()
    {
        var open = _pos;
        _pos++; // '{'
        SkipVerbose();
        if (AtEnd)
        {
            throw Error("unclosed counted repetition", open, _pattern.Length);
        }

        var min = ParseDecimal();
        int? max = min;
        SkipVerbose();
        if (AtEnd)
        {
            throw Error("unclosed counted repetition", open, _pattern.Length);
        }

        if (Current == ',')
        {
            _pos++;
            SkipVerbose();
            if (AtEnd)
            {
                throw Error("unclosed counted repetition", open, _pattern.Length);
            }

            max = Current == '}' ? null : ParseDecimal();
            SkipVerbose();
        }

        if (AtEnd || Current != '}')
        {
            throw Error("unclosed counted repetition", open, _pos); // rg 15 marks up to where it stopped
        }

        _pos++;
        if (max is { } m && m < min)
        {
            throw Error("invalid repetition count range, the start must be <= the end", open, _pos);
        }

        return (min, max);
    }

    private int ParseDecimal()
    {
        var start = _pos;
        while (!AtEnd && char.IsAsciiDigit(Current))
        {
            _pos++;
        }

        if (start == _pos)
        {
            throw Error("repetition quantifier expects a valid decimal", start, start + 1);
        }

        if (!int.TryParse(_pattern.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Error("decimal literal invalid", start, _pos);
        }

        return value;
    }

    private RegexNode? ParseGroup(int depth)
    {
        var open = _pos;
        _pos++; // '('
        var saved = _flags;
        string? name = null;
        var capturing = true;

        if (!AtEnd && Current == '?')
        {
            _pos++;
            if (AtEnd)
            {
                throw Error("expected flag but got end of regex", _pos, _pos);
            }

            if (Current == 'P' && _pos + 1 < _pattern.Length && _pattern[_pos + 1] == '<')
            {
                _pos += 2;
                name = ParseCaptureName(open);
            }
            else if (Current == '<' && _pos + 1 < _pattern.Length && _pattern[_pos + 1] is not ('=' or '!'))
            {
                // (?<name>...) is accepted as well as (?P<name>...); newer ripgrep versions accept both.
                _pos++;
                name = ParseCaptureName(open);
            }
            else if (Current is '=' or '!' || (Current == '<' && _pos + 1 < _pattern.Length && _pattern[_pos + 1] is '=' or '!'))
            {
                throw Error("look-around, including look-ahead and look-behind, is not supported", open, _pos + (Current == '<' ? 2 : 1));
            }
            else
            {
                capturing = false;
                if (ParseFlags())
                {
                    // "(?flags)": the flags apply to the rest of the enclosing group.
                    return null;
                }
            }
        }

        var index = 0;
        if (capturing)
        {
            index = ++_captureCount;
            if (name is not null)
            {
                _names[name] = index;
            }
        }

        var child = ParseAlternation(depth + 1, open);
        _pos++; // ')'
        _flags = saved;
        return new GroupNode(child, index, name);
    }

    private string ParseCaptureName(int open)
    {
        var start = _pos;
        while (!AtEnd && Current != '>')
        {
            _pos++;
        }

        if (AtEnd)
        {
            throw Error("unclosed capture group name", start, _pos);
        }

        var name = _pattern[start.._pos];
        if (name.Length == 0)
        {
            throw Error("empty capture group name", start, _pos);
        }

        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            var ok = char.IsAsciiLetterOrDigit(ch) || ch is '_' || (i > 0 && ch is '.' or '[' or ']');
            if (!ok || (i == 0 && char.IsAsciiDigit(ch)))
            {
                throw Error("invalid capture group character", start + i, start + i + 1);
            }
        }

        if (_names.ContainsKey(name))
        {
            throw new PatternSyntaxException(_pattern, "duplicate capture group name", FindNameSpan(name, open), (start, _pos));
        }

        _pos++; // '>'
        return name;
    }

    private (int, int) FindNameSpan(string name, int before)
    {
        var at = _pattern.LastIndexOf("<" + name + ">", before, StringComparison.Ordinal);
        return at < 0 ? (0, 1) : (at + 1, at + 1 + name.Length);
    }

    // Parses flags after "(?"; returns true for "(?flags)" and false for "(?flags:".
    private bool ParseFlags()
    {
        var flags = _flags;
        var negate = false;
        var sawNegation = -1;
        var any = false;
        var first = _pos;
        while (true)
        {
            if (AtEnd)
            {
                throw Error("expected flag but got end of regex", _pos, _pos);
            }

            var c = Current;
            if (c == ')' && _pos == first)
            {
                // "(?)" is read as Rust reads it: a group whose '?' repeats nothing.
                throw Error("repetition operator missing expression", first - 1, first);
            }

            if (c == ')' || c == ':')
            {
                if (sawNegation >= 0 && !any)
                {
                    throw Error("flag negation operator is missing a flag", sawNegation, sawNegation + 1);
                }

                _pos++;
                _flags = flags;
                return c == ')';
            }

            if (c == '-')
            {
                if (negate)
                {
                    throw Error("flag negation operator repeated", _pos, _pos + 1);
                }

                negate = true;
                sawNegation = _pos;
                any = false;
                _pos++;
                continue;
            }

            var on = !negate;
            flags = c switch
            {
                'i' => flags with { CaseInsensitive = on },
                'm' => flags with { MultiLine = on },
                's' => flags with { DotAll = on },
                'U' => flags with { SwapGreed = on },
                'u' => flags with { Unicode = on },
                'x' => flags with { Verbose = on },
                'R' => flags with { Crlf = on },
                _ => throw Error("unrecognized flag", _pos, _pos + 1),
            };
            any = true;
            _pos++;
        }
    }

    private abstract record EscapeResult
    {
        public sealed record Literal(int CodePoint) : EscapeResult;

        public sealed record Class(ClassItem Item) : EscapeResult;

        /// <summary>A <c>\xHH</c> escape of 0x80 or more outside Unicode mode: that byte, not a character.</summary>
        public sealed record Byte(int Value) : EscapeResult;

        public sealed record Assertion(AssertionKind Kind) : EscapeResult;
    }

    private EscapeResult ParseEscape(bool inClass)
    {
        var start = _pos;
        _pos++; // '\'
        if (AtEnd)
        {
            throw Error("incomplete escape sequence, reached end of pattern prematurely", start, _pos);
        }

        var c = Current;
        _pos++;
        if (MetaCharacters.Contains(c, StringComparison.Ordinal) || (c == ' ' && _flags.Verbose))
        {
            return new EscapeResult.Literal(c);
        }

        switch (c)
        {
            case 'n': return new EscapeResult.Literal('\n');
            case 't': return new EscapeResult.Literal('\t');
            case 'r': return new EscapeResult.Literal('\r');
            case 'f': return new EscapeResult.Literal('\f');
            case 'v': return new EscapeResult.Literal('\v');
            case 'a': return new EscapeResult.Literal('\a');
            case 'x' when !_flags.Unicode && (AtEnd || Current != '{'):
                var value = ParseHex(start, 2);
                return value > 0x7F ? new EscapeResult.Byte(value) : new EscapeResult.Literal(value);
            case 'x': return new EscapeResult.Literal(ParseHex(start, 2));
            case 'u': return new EscapeResult.Literal(ParseHex(start, 4));
            case 'U': return new EscapeResult.Literal(ParseHex(start, 8));
            case 'd': return new EscapeResult.Class(new PerlItem(PerlClassKind.Digit, false, _flags.Unicode));
            case 'D': return new EscapeResult.Class(new PerlItem(PerlClassKind.Digit, true, _flags.Unicode));
            case 'w': return new EscapeResult.Class(new PerlItem(PerlClassKind.Word, false, _flags.Unicode));
            case 'W': return new EscapeResult.Class(new PerlItem(PerlClassKind.Word, true, _flags.Unicode));
            case 's': return new EscapeResult.Class(new PerlItem(PerlClassKind.Space, false, _flags.Unicode));
            case 'S': return new EscapeResult.Class(new PerlItem(PerlClassKind.Space, true, _flags.Unicode));
            case 'p':
            case 'P':
                var property = ParseUnicodeClass(start, negated: c == 'P');
                return _flags.Unicode ? new EscapeResult.Class(property) : throw Error("Unicode not allowed here", start, _pos);
        }

        if (!inClass)
        {
            switch (c)
            {
                case 'b' when !AtEnd && Current == '{' && SpecialWordBoundary() is { } kind: return new EscapeResult.Assertion(kind);
                case 'b': return new EscapeResult.Assertion(AssertionKind.WordBoundary);
                case '<': return new EscapeResult.Assertion(AssertionKind.WordStart);
                case '>': return new EscapeResult.Assertion(AssertionKind.WordEnd);
                case 'B': return new EscapeResult.Assertion(AssertionKind.NotWordBoundary);
                case 'A': return new EscapeResult.Assertion(AssertionKind.StartText);
                case 'z': return new EscapeResult.Assertion(AssertionKind.EndText);
            }
        }

        if (char.IsAsciiDigit(c))
        {
            throw Error("backreferences are not supported", start, _pos);
        }

        throw Error("unrecognized escape sequence", start, _pos);
    }

    private int ParseHex(int escapeStart, int fixedDigits)
    {
        int digitsStart;
        int digitsEnd;
        if (!AtEnd && Current == '{')
        {
            var brace = _pos;
            _pos++;
            digitsStart = _pos;
            while (!AtEnd && Current != '}')
            {
                _pos++;
            }

            if (AtEnd)
            {
                throw Error("unclosed hexadecimal literal", brace, _pos);
            }

            digitsEnd = _pos;
            _pos++;
            if (digitsEnd == digitsStart)
            {
                throw Error("hexadecimal literal empty", brace, _pos);
            }
        }
        else
        {
            digitsStart = _pos;
            for (var i = 0; i < fixedDigits; i++)
            {
                if (AtEnd)
                {
                    throw Error("incomplete escape sequence, reached end of pattern prematurely", escapeStart, _pos);
                }

                if (!char.IsAsciiHexDigit(Current))
                {
                    throw Error("invalid hexadecimal digit", _pos, _pos + 1);
                }

                _pos++;
            }

            digitsEnd = _pos;
        }

        var span = _pattern.AsSpan(digitsStart, digitsEnd - digitsStart);
        foreach (var ch in span)
        {
            if (!char.IsAsciiHexDigit(ch))
            {
                throw Error("invalid hexadecimal digit", digitsStart, digitsEnd);
            }
        }

        if (!int.TryParse(span, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ||
            value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        {
            throw Error("hexadecimal literal is not a Unicode scalar value", digitsStart, digitsEnd);
        }

        return value;
    }

    private ClassItem ParseUnicodeClass(int start, bool negated)
    {
        if (AtEnd)
        {
            throw Error("incomplete escape sequence, reached end of pattern prematurely", start, _pos);
        }

        string name;
        if (Current == '{')
        {
            var brace = _pos;
            _pos++;
            var nameStart = _pos;
            while (!AtEnd && Current != '}')
            {
                _pos++;
            }

            if (AtEnd)
            {
                throw Error("unclosed Unicode class", brace, _pos);
            }

            name = _pattern[nameStart.._pos];
            _pos++;
            if (name.StartsWith('^'))
            {
                negated = !negated;
                name = name[1..];
            }

            var eq = name.IndexOfAny(['=', ':']);
            if (eq >= 0)
            {
                var key = name[..eq].Trim();
                var value = name[(eq + 1)..].Trim();
                if (key.EndsWith('!'))
                {
                    negated = !negated;
                    key = key[..^1];
                }

                if (!UnicodeProperty.TryResolve(key, value, out var keyed))
                {
                    throw Error("Unicode property not found", start, _pos);
                }

                return new UnicodeItem(keyed, negated);
            }
        }
        else
        {
            name = char.ToString(Current);
            _pos++;
        }

        if (!UnicodeProperty.TryResolve(name, out var property))
        {
            throw Error("Unicode property not found", start, _pos);
        }

        return new UnicodeItem(property, negated);
    }

    private CharClass ParseClass()
    {
        var open = _pos;
        _pos++; // '['
        var negated = false;
        if (!AtEnd && Current == '^')
        {
            negated = true;
            _pos++;
        }

        var items = new List<ClassItem>();
        var first = true;
        while (true)
        {
            SkipVerbose();
            if (AtEnd)
            {
                throw Error("unclosed character class", open, ClassHead(open));
            }

            var c = Current;
            if (c == ']' && !first)
            {
                _pos++;
                break;
            }

            // A set operation: what came before is its left side; the right side runs to the next
            // operation or the end (operations are left-associative and bind looser than union).
            // As rg 15 (regex-syntax 0.8), either side may be empty: [a&&] is an empty class, which matches nothing.
            if (c is '&' or '~' or '-' && _pos + 1 < _pattern.Length && _pattern[_pos + 1] == c && !(c == '-' && (items.Count == 0 || _pos + 2 < _pattern.Length && _pattern[_pos + 2] == ']')))
            {
                var operation = c switch { '&' => SetOperation.Intersection, '-' => SetOperation.Difference, _ => SetOperation.SymmetricDifference };
                _pos += 2;
                var right = ParseClassOperand(open);
                items = [new SetOperationItem(new CharClass(items, false), operation, right)];
                first = false;
                continue;
            }

            first = false;
            AddClassItem(items);
        }

        return new CharClass(items, negated);
    }

    // rg 15 marks an unclosed class's opening: '[', a '^', and a ']' that is its first (literal) member.
    private int ClassHead(int open)
    {
        var p = open + 1;
        p += p < _pattern.Length && _pattern[p] == '^' ? 1 : 0;
        return p + (p < _pattern.Length && _pattern[p] == ']' ? 1 : 0);
    }

    // The right side of a set operation: class items up to the next operation or the closing bracket.
    private CharClass ParseClassOperand(int open)
    {
        var items = new List<ClassItem>();
        while (true)
        {
            SkipVerbose();
            if (AtEnd)
            {
                throw Error("unclosed character class", open, ClassHead(open));
            }

            var c = Current;
            if (c == ']' || (c is '&' or '~' or '-' && _pos + 1 < _pattern.Length && _pattern[_pos + 1] == c && items.Count > 0))
            {
                return new CharClass(items, false);
            }

            AddClassItem(items);
        }
    }

    // One member of a class's union: a nested or POSIX class, an escape, a character or a range.
    private void AddClassItem(List<ClassItem> items)
    {
        if (Current == '[')
        {
            items.Add(TryParseAsciiClass(out var ascii) ? ascii : new NestedItem(ParseClass()));
            return;
        }

        var item = ParseClassAtom();
        if (item is RangeItem { First: var lo } single && single.First == single.Last &&
            !AtEnd && Current == '-' && _pos + 1 < _pattern.Length && _pattern[_pos + 1] is not (']' or '-'))
        {
            var dash = _pos;
            _pos++;
            var rangeStart = _pos;
            var end = ParseClassAtom();
            if (end is not RangeItem { } hi || hi.First != hi.Last)
            {
                throw Error("invalid range boundary, must be a literal", rangeStart, _pos);
            }

            if (hi.First < lo)
            {
                throw Error("invalid character class range, the start must be <= the end", dash - CodeUnitsOf(lo), _pos);
            }

            items.Add(new RangeItem(lo, hi.First));
            return;
        }

        items.Add(item);
    }

    private static int CodeUnitsOf(int codePoint) => codePoint > 0xFFFF ? 2 : 1;

    // \b{start}, \b{end}, \b{start-half}, \b{end-half} (Rust's regex 1.10, ripgrep 14); after \b, at '{'.
    // Anything else is left for the caller, where \b{ then reads as a counted repetition, as in rg 13.
    private AssertionKind? SpecialWordBoundary()
    {
        var close = _pattern.IndexOf('}', _pos);
        AssertionKind? kind = close < 0 ? null : _pattern[(_pos + 1)..close] switch
        {
            "start" => AssertionKind.WordStart,
            "end" => AssertionKind.WordEnd,
            "start-half" => AssertionKind.WordStartHalf,
            "end-half" => AssertionKind.WordEndHalf,
            _ => null,
        };
        if (kind is not null)
        {
            _pos = close + 1;
        }

        return kind;
    }

    private ClassItem ParseClassAtom()
    {
        if (AtEnd)
        {
            throw Error("unclosed character class", _pos, _pos);
        }

        if (Current == '\\')
        {
            var start = _pos;
            return ParseEscape(inClass: true) switch
            {
                EscapeResult.Literal { CodePoint: > 0x7F } when !_flags.Unicode => throw Error("Unicode not allowed here", start, _pos),
                EscapeResult.Literal l => new RangeItem(l.CodePoint, l.CodePoint),
                EscapeResult.Byte b => new RangeItem(b.Value, b.Value),
                EscapeResult.Class k => k.Item,
                _ => throw new InvalidOperationException(),
            };
        }

        var cp = ReadCodePoint(inClass: true);
        return new RangeItem(cp, cp);
    }

    private static readonly string[] AsciiClassNames =
        ["alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "word", "xdigit"];

    private bool TryParseAsciiClass(out ClassItem item)
    {
        item = null!;
        if (_pos + 1 >= _pattern.Length || _pattern[_pos + 1] != ':')
        {
            return false;
        }

        var close = _pattern.IndexOf(":]", _pos + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        var name = _pattern[(_pos + 2)..close];
        var negated = name.StartsWith('^');
        if (negated)
        {
            name = name[1..];
        }

        if (Array.IndexOf(AsciiClassNames, name) < 0)
        {
            return false;
        }

        _pos = close + 2;
        item = new AsciiItem(name, negated);
        return true;
    }
}
