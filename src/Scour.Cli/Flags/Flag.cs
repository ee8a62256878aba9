namespace Scour.Cli.Flags;

/// <summary>Groups of flags, in the order help text shows them.</summary>
internal enum FlagCategory
{
    Input,
    Search,
    Filter,
    Output,
    OutputModes,
    Logging,
    Rewrite,
    Index,
    OtherBehaviors,
}

/// <summary>
/// One command-line flag, defined once: the parser, <c>-h</c>, <c>--help</c> and the compatibility notes
/// all come from these definitions, so they cannot drift apart.
/// </summary>
/// <param name="Long">The long name without dashes, e.g. <c>ignore-case</c>.</param>
/// <param name="Short">The short form, if any.</param>
/// <param name="ValueName">The value's name in help (e.g. <c>NUM</c>), or null for a switch.</param>
/// <param name="Category">Where help lists the flag.</param>
/// <param name="Summary">One line for <c>-h</c>.</param>
/// <param name="Apply">Records the flag (with its value, null for a switch).</param>
internal sealed record Flag(string Long, char? Short, string? ValueName, FlagCategory Category, string Summary, Action<RawArgs, string?> Apply)
{
    /// <summary>The spelling that undoes the flag, e.g. <c>no-ignore-case</c> ... or <c>ignore</c> for <c>no-ignore</c>.</summary>
    public string? Negation { get; init; }

    /// <summary>Records the negation.</summary>
    public Action<RawArgs>? ApplyNegation { get; init; }

    /// <summary>Other long names that mean the same.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Longer help for <c>--help</c>; defaults to the summary.</summary>
    public string? Details { get; init; }

    /// <summary>For a value flag, the allowed values (shown in help and checked).</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>Kept for ripgrep's sake; help lists it last in its category, marked deprecated.</summary>
    public bool Deprecated { get; init; }

    public bool TakesValue => ValueName is not null;
}
