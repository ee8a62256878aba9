using System.Text;

namespace Scour.Output;

/// <summary>How one kind of output is colored, rendered as ANSI SGR sequences the way ripgrep writes them.</summary>
internal sealed record ColorSpec
{
    /// <summary>A spec that only resets (ripgrep's default for columns).</summary>
    public static readonly ColorSpec None = new();

    /// <summary>Foreground SGR code (30-37 or a 256/24-bit sequence body), or null.</summary>
    public string? Foreground { get; init; }

    /// <summary>Background SGR code, or null.</summary>
    public string? Background { get; init; }

    /// <summary>Bold text.</summary>
    public bool Bold { get; init; }

    /// <summary>Underlined text.</summary>
    public bool Underline { get; init; }

    /// <summary>Italic text.</summary>
    public bool Italic { get; init; }

    /// <summary>Intense (bright) colors.</summary>
    public bool Intense { get; init; }

    /// <summary>True when no attribute is set (ripgrep then leaves matched text uncolored).</summary>
    public bool IsEmpty => Foreground is null && Background is null && !Bold && !Underline && !Italic && !Intense;

    /// <summary>The bytes that switch this color on (always starting with a reset).</summary>
    public byte[] Start => _start ??= Render();

    /// <summary>The bytes that switch colors off.</summary>
    public static ReadOnlySpan<byte> Reset => "\u001b[0m"u8;

    private byte[]? _start;

    private byte[] Render()
    {
        var sb = new StringBuilder("\u001b[0m");
        if (Bold)
        {
            sb.Append("\u001b[1m");
        }

        if (Italic)
        {
            sb.Append("\u001b[3m");
        }

        if (Underline)
        {
            sb.Append("\u001b[4m");
        }

        // As termcolor (ripgrep's) writes them: an intense basic color is the 256-color 8 + n.
        if (Foreground is not null)
        {
            sb.Append("\u001b[").Append(Intense && Foreground.Length == 2 ? "38;5;" + (8 + Foreground[1] - '0') : Foreground).Append('m');
        }

        if (Background is not null)
        {
            sb.Append("\u001b[").Append(Intense && Background.Length == 2 ? "48;5;" + (8 + Background[1] - '0') : Background).Append('m');
        }

        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
