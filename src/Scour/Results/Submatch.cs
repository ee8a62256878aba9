namespace Scour.Results;

/// <summary>One match inside a line, with offsets in bytes (of the UTF-8 line) and in chars (of <see cref="LineResult.Text"/>).</summary>
/// <param name="ByteStart">The first byte, from the start of the line.</param>
/// <param name="ByteEnd">Just past the last byte.</param>
/// <param name="CharStart">The first UTF-16 char in <see cref="LineResult.Text"/>.</param>
/// <param name="CharEnd">Just past the last char.</param>
/// <param name="Text">The matched text.</param>
public sealed record Submatch(int ByteStart, int ByteEnd, int CharStart, int CharEnd, string Text);
