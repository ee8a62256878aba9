namespace Scour.Matching.Pcre2;

/// <summary>
/// Whether the PCRE2 library is there for <see cref="PatternEngine.Pcre2"/> (<c>-P</c>). Scour loads the
/// system's <c>libpcre2-8</c> (on Linux <c>libpcre2-8.so.0</c>, which grep and git already depend on)
/// the first time it is needed; the <c>SCOUR_PCRE2_LIBRARY</c> environment variable names another file,
/// or is <c>none</c> to never load one. Without it, <see cref="PatternEngine.Pcre2"/> patterns run on
/// .NET's backtracking engine instead (<see cref="PatternEngine.Backtracking"/>), and
/// <see cref="CompiledPattern.Engine"/> says which one a pattern got.
/// </summary>
public static class Pcre2Library
{
    /// <summary>True when the library is loaded (loading it now if it was not tried yet).</summary>
    public static bool IsAvailable => Pcre2Native.Instance is not null;

    /// <summary>The library's version as it states it (e.g. <c>10.42 2022-12-11</c>), or null without it.</summary>
    public static string? Version => Pcre2Native.Instance?.Version;

    /// <summary>True when the library has its JIT compiler, which patterns are then compiled with.</summary>
    public static bool IsJitAvailable => Pcre2Native.Instance?.IsJitAvailable ?? false;

    /// <summary>Why the library is not available (not found, disabled, too old), or null when it is.</summary>
    public static string? UnavailableReason => Pcre2Native.Failure;
}
