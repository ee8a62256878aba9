namespace Scour.Searching.Whatwg;

/// <summary>
/// ISO-2022-JP: escape sequences switch between ASCII, JIS X 0201 Roman and katakana, and JIS X 0208;
/// an escape sequence directly after another one is an error (the standard's output flag).
/// </summary>
internal sealed class Iso2022JpDecoder : WhatwgDecoder
{
    private enum State
    {
        Ascii,
        Roman,
        Katakana,
        LeadByte,
        TrailByte,
        EscapeStart,
        Escape,
    }

    private readonly int[] _jis0208 = WhatwgIndexes.Get("jis0208");
    private State _state;
    private State _outputState;
    private int _lead;
    private bool _escaped;

    protected override bool Handle(int b, Span<char> output, ref int written)
    {
        switch (_state)
        {
            case State.Ascii or State.Roman or State.Katakana or State.LeadByte:
                if (b == 0x1B)
                {
                    _state = State.EscapeStart;
                    return true;
                }

                if (b == EndOfInput)
                {
                    return false;
                }

                _escaped = false;
                var codePoint = _state switch
                {
                    State.Ascii => b is 0x0E or 0x0F || b > 0x7F ? NoCodePoint : b,
                    State.Roman => b is 0x0E or 0x0F || b > 0x7F ? NoCodePoint : b == 0x5C ? 0xA5 : b == 0x7E ? 0x203E : b,
                    State.Katakana => b is >= 0x21 and <= 0x5F ? 0xFF61 - 0x21 + b : NoCodePoint,
                    _ => -2,
                };
                if (codePoint == -2)
                {
                    if (b is >= 0x21 and <= 0x7E)
                    {
                        (_lead, _state) = (b, State.TrailByte);
                        return true;
                    }

                    codePoint = NoCodePoint;
                }

                Emit(codePoint, output, ref written);
                return true;

            case State.TrailByte:
                if (b == 0x1B)
                {
                    _state = State.EscapeStart;
                    Error(output, ref written);
                    return true;
                }

                _state = State.LeadByte;
                if (b is >= 0x21 and <= 0x7E)
                {
                    var pointer = ((_lead - 0x21) * 94) + b - 0x21;
                    Emit(Lookup(_jis0208, pointer), output, ref written);
                    return true;
                }

                Error(output, ref written); // at the end of the input too, which then comes again in LeadByte
                return true;

            case State.EscapeStart:
                if (b is 0x24 or 0x28)
                {
                    (_lead, _state) = (b, State.Escape);
                    return true;
                }

                Prepend(b);
                (_escaped, _state) = (false, _outputState);
                Error(output, ref written);
                return true;

            default: // State.Escape
                var lead = _lead;
                _lead = 0;
                State? next = (lead, b) switch
                {
                    (0x28, 0x42) => State.Ascii,
                    (0x28, 0x4A) => State.Roman,
                    (0x28, 0x49) => State.Katakana,
                    (0x24, 0x40 or 0x42) => State.LeadByte,
                    _ => null,
                };
                if (next is { } switched)
                {
                    (_state, _outputState) = (switched, switched);
                    var wasEscaped = _escaped;
                    _escaped = true;
                    if (wasEscaped)
                    {
                        Error(output, ref written);
                    }

                    return true;
                }

                if (b == EndOfInput)
                {
                    Prepend(lead);
                }
                else
                {
                    Prepend([(byte)lead, (byte)b]);
                }

                (_escaped, _state) = (false, _outputState);
                Error(output, ref written);
                return true;
        }
    }

    protected override void ResetState() => (_state, _outputState, _lead, _escaped) = (State.Ascii, State.Ascii, 0, false);
}
