using System.Globalization;

namespace Scour.Output;

/// <summary>The colors of each part of the output; the defaults are ripgrep's.</summary>
internal sealed record ColorSpecs
{
    /// <summary>ripgrep's defaults: magenta paths, green line numbers, bold red matches, plain columns.</summary>
    public static readonly ColorSpecs Default = new();

    /// <summary>File paths.</summary>
    public ColorSpec Path { get; init; } = new() { Foreground = "35" };

    /// <summary>Line numbers.</summary>
    public ColorSpec Line { get; init; } = new() { Foreground = "32" };

    /// <summary>Column numbers.</summary>
    public ColorSpec Column { get; init; } = ColorSpec.None;

    /// <summary>Matched text.</summary>
    public ColorSpec Match { get; init; } = new() { Foreground = "31", Bold = true };

    /// <summary>The rest of a matching line (rg 15's <c>highlight</c> type; none by default).</summary>
    public ColorSpec Highlight { get; init; } = ColorSpec.None;

    private static readonly string[] Names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"];

    /// <summary>
    /// Applies one <c>--colors</c> spec, ripgrep's <c>TYPE:ATTRIBUTE:VALUE</c> (<c>match:fg:blue</c>,
    /// <c>path:style:underline</c>, <c>line:bg:0x20</c>, <c>column:fg:10,20,30</c>) or <c>TYPE:none</c>.
    /// Throws <see cref="ArgumentException"/> with ripgrep's message for a bad spec.
    /// </summary>
    public ColorSpecs With(string spec)
    {
        var parts = spec.Split(':');
        if (parts.Length is < 2 or > 3)
        {
            throw new ArgumentException($"invalid color spec format: '{spec}'. Valid format is '(path|line|column|match|highlight):(fg|bg|style):(value)'.");
        }

        var current = parts[0] switch
        {
            "path" => Path,
            "line" => Line,
            "column" => Column,
            "match" => Match,
            "highlight" => Highlight,
            _ => throw new ArgumentException($"unrecognized output type '{parts[0]}'. Choose from: path, line, column, match, highlight."),
        };
        if (parts.Length == 2 && parts[1] != "none")
        {
            throw new ArgumentException($"invalid color spec format: '{spec}'. Valid format is '(path|line|column|match|highlight):(fg|bg|style):(value)'.");
        }

        var value = parts.Length == 3 ? parts[2].ToLowerInvariant() : "";
        var updated = parts[1] switch
        {
            "none" => ColorSpec.None,
            "fg" => current with { Foreground = Color(value, foreground: true) },
            "bg" => current with { Background = Color(value, foreground: false) },
            "style" => value switch
            {
                "bold" => current with { Bold = true },
                "nobold" => current with { Bold = false },
                "intense" => current with { Intense = true },
                "nointense" => current with { Intense = false },
                "underline" => current with { Underline = true },
                "nounderline" => current with { Underline = false },
                "italic" => current with { Italic = true },
                "noitalic" => current with { Italic = false },
                _ => throw new ArgumentException($"unrecognized style attribute '{parts[2]}'. Choose from: nobold, bold, nointense, intense, nounderline, underline, noitalic, italic."),
            },
            _ => throw new ArgumentException($"unrecognized spec type '{parts[1]}'. Choose from: fg, bg, style, none."),
        };
        return parts[0] switch
        {
            "path" => this with { Path = updated },
            "line" => this with { Line = updated },
            "column" => this with { Column = updated },
            "highlight" => this with { Highlight = updated },
            _ => this with { Match = updated },
        };
    }

    // A color name (30-37 / 40-47), an ANSI 256-color number, or an r,g,b triple; numbers decimal or 0x hex.
    private static string Color(string value, bool foreground)
    {
        var basic = Array.IndexOf(Names, value);
        if (basic >= 0)
        {
            return (foreground ? "3" : "4") + basic.ToString(CultureInfo.InvariantCulture);
        }

        var prefix = foreground ? "38" : "48";
        if (!value.Contains(',', StringComparison.Ordinal))
        {
            if (value.Length > 0 && char.IsAsciiDigit(value[0]))
            {
                return Byte(value) is { } n
                    ? $"{prefix};5;{n}"
                    : throw new ArgumentException($"unrecognized ansi256 color number, should be '[0-255]' (or a hex number), but is '{value}'");
            }

            throw new ArgumentException($"unrecognized color name '{value}'. Choose from: black, blue, green, red, cyan, magenta, yellow, white");
        }

        var rgb = value.Split(',').Select(Byte).ToArray();
        return rgb is [{ } r, { } g, { } b]
            ? $"{prefix};2;{r};{g};{b}"
            : throw new ArgumentException($"unrecognized RGB color triple, should be '[0-255],[0-255],[0-255]' (or a hex triple), but is '{value}'");
    }

    private static int? Byte(string text)
    {
        var hex = text.StartsWith("0x", StringComparison.Ordinal);
        return int.TryParse(hex ? text[2..] : text, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 255 ? n : null;
    }
}
