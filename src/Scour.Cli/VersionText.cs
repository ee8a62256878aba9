using System.Runtime.Intrinsics.X86;
using Scour.Matching.Pcre2;

namespace Scour.Cli;

/// <summary>
/// <c>-V</c>, <c>--version</c> and <c>--pcre2-version</c>, laid out as rg 15.2 lays them out. As
/// <c>rg</c>, the first line is <c>ripgrep 15.2.0 (scour X)</c>, so a tool that parses it picks rg 15's
/// flags. The PCRE2 lines describe the library <c>-P</c> loads; without one, the feature list says
/// <c>-pcre2</c>, as an rg built without PCRE2 does.
/// </summary>
internal static class VersionText
{
    public const string ScourVersion = "0.1.0";

    /// <summary>The first line.</summary>
    public static string Short => Identity.IsRipgrep
        ? $"ripgrep {Identity.RipgrepVersion} (scour {ScourVersion})"
        : $"scour {ScourVersion} (ripgrep {Identity.RipgrepVersion} compatible)";

    public static string Long =>
        $"{Short}\n\nfeatures:{(Pcre2Library.IsAvailable ? '+' : '-')}pcre2\nsimd(compile):{Simd(compiled: true)}\nsimd(runtime):{Simd(compiled: false)}\n\n{Pcre2.Text}\n";

    /// <summary>What <c>--pcre2-version</c> prints, and whether PCRE2 is there (its exit code is 1 when not).</summary>
    public static (string Text, bool Available) Pcre2
    {
        get
        {
            if (Pcre2Native.Instance is { } library)
            {
                return ($"PCRE2 {library.MajorMinor} is available (JIT is {(library.IsJitAvailable ? "available" : "unavailable")})", true);
            }

            return Identity.IsRipgrep
                ? ("PCRE2 is not available in this build of ripgrep.", false)
                : ($"PCRE2 is not available ({Pcre2Library.UnavailableReason}): -P uses .NET's backtracking engine with PCRE2's syntax.", false);
        }
    }

    // The native binary is compiled for x86-64-v3 (IlcInstructionSet), so SSE2, SSSE3 and AVX2 are its baseline.
    private static string Simd(bool compiled)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows() && !OperatingSystem.IsMacOS())
        {
            return string.Empty;
        }

        if (System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64)
        {
            return "+NEON";
        }

        return compiled
            ? "+SSE2,+SSSE3,+AVX2"
            : $"{Sign(Sse2.IsSupported)}SSE2,{Sign(Ssse3.IsSupported)}SSSE3,{Sign(Avx2.IsSupported)}AVX2";
    }

    private static string Sign(bool supported) => supported ? "+" : "-";
}
