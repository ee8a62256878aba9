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
}
