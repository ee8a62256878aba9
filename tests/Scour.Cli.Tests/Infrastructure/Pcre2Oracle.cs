using System.Runtime.InteropServices;

namespace Scour.Cli.Tests.Infrastructure;

/// <summary>
/// The <c>-P</c> differential tests need rg 15.2 and the system's PCRE2 library (libpcre2-8), which
/// scour loads at run time. Without the library they skip with a message, unless
/// <c>SCOUR_REQUIRE_ORACLES=1</c> (CI, whose <c>.ci/run</c> installs it), where they fail instead.
/// </summary>
public static class Pcre2Oracle
{
    private static readonly Lazy<bool> Installed = new(() =>
        NativeLibrary.TryLoad("libpcre2-8.so.0", out var handle) && Free(handle));

    public static string? SkipReason =>
        Oracle.SkipReason("rg") ?? (Installed.Value || Oracle.Required
            ? null
            : "libpcre2-8.so.0 is not installed (apt-get install libpcre2-8-0; CI sets SCOUR_REQUIRE_ORACLES=1)");

    private static bool Free(nint handle)
    {
        NativeLibrary.Free(handle);
        return true;
    }
}

/// <summary>A fact that needs rg 15.2 and the PCRE2 library.</summary>
public sealed class Pcre2FactAttribute : FactAttribute
{
    public Pcre2FactAttribute()
    {
        Skip = Pcre2Oracle.SkipReason;
    }
}

/// <summary>A theory that needs rg 15.2 and the PCRE2 library.</summary>
public sealed class Pcre2TheoryAttribute : TheoryAttribute
{
    public Pcre2TheoryAttribute()
    {
        Skip = Pcre2Oracle.SkipReason;
    }
}
