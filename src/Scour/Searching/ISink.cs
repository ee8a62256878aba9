namespace Scour.Searching;

/// <summary>
/// Receives what a search of one file finds, in order. Every method that returns <c>bool</c> returns
/// false to stop the search of this file early (e.g. after the first match for <c>-l</c>).
/// </summary>
public interface ISink
{
    /// <summary>A matching line (a non-matching one under <c>-v</c>).</summary>
    bool Matched(in SinkLine line);

    /// <summary>A context line.</summary>
    bool Context(in SinkLine line, ContextKind kind);

    /// <summary>A gap between two groups of printed lines (ripgrep prints <c>--</c>).</summary>
    bool ContextBreak();

    /// <summary>A NUL byte was found at <paramref name="absoluteOffset"/> (reported once per file).</summary>
    bool BinaryData(long absoluteOffset);
}
