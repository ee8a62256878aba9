using System.Text;

namespace Scour.Matching;

/// <summary>
/// A pattern that ripgrep's regex dialect rejects. <see cref="Exception.Message"/> is formatted the way
/// ripgrep prints it (<c>regex parse error:</c>, the pattern, carets under the offending span, the reason),
/// because editors that embed ripgrep match on that wording.
/// </summary>
public sealed class PatternSyntaxException : Exception
{
    /// <summary>Creates an exception for <paramref name="pattern"/> failing at the given spans (UTF-16 offsets).</summary>
    public PatternSyntaxException(string pattern, string reason, params (int Start, int End)[] spans)
        : base(Format(pattern, reason, spans))
    {
        Pattern = pattern;
        Reason = reason;
        Spans = spans;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public PatternSyntaxException(string message)
        : base(message)
    {
        Pattern = string.Empty;
        Reason = message;
        Spans = [];
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public PatternSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Pattern = string.Empty;
        Reason = message;
        Spans = [];
    }

    /// <summary>Creates an empty exception.</summary>
    public PatternSyntaxException()
        : this("invalid pattern")
    {
    }

    private const string PcreHint = "\n\nConsider enabling PCRE2 with the --pcre2 flag, which can handle backreferences\nand look-around.";

    /// <summary>The message without its advice to use <c>--pcre2</c> (for when PCRE2 failed too).</summary>
    internal string WithoutHint => Message.EndsWith(PcreHint, StringComparison.Ordinal) ? Message[..^PcreHint.Length] : Message;

    /// <summary>The pattern that failed to parse.</summary>
    public string Pattern { get; }

    /// <summary>The reason alone, e.g. <c>unclosed group</c>.</summary>
    public string Reason { get; }

    /// <summary>The offending spans as half-open UTF-16 offsets into <see cref="Pattern"/>.</summary>
    public IReadOnlyList<(int Start, int End)> Spans { get; }

    private static string Format(string pattern, string reason, (int Start, int End)[] spans)
    {
        var sb = new StringBuilder();
        sb.Append("regex parse error:\n    ").Append(pattern).Append('\n');
        if (spans.Length > 0)
        {
            var line = new StringBuilder("    ");
            var column = 0;
            foreach (var (start, end) in spans.OrderBy(s => s.Start))
            {
                var from = Width(pattern, 0, start);
                var width = Math.Max(1, Width(pattern, start, end));
                line.Append(' ', Math.Max(0, from - column));
                line.Append('^', width);
                column = from + width;
            }

            sb.Append(line).Append('\n');
        }

        sb.Append("error: ").Append(reason);
        if (reason.StartsWith("backreferences", StringComparison.Ordinal) ||
            reason.StartsWith("look-around", StringComparison.Ordinal))
        {
            sb.Append(PcreHint);
        }

        return sb.ToString();
    }

    // Carets count characters (code points), not UTF-16 units.
    private static int Width(string s, int from, int to)
    {
        to = Math.Min(to, s.Length);
        var n = 0;
        for (var i = from; i < to; i++)
        {
            if (!char.IsLowSurrogate(s[i]))
            {
                n++;
            }
        }

        return n;
    }
}
