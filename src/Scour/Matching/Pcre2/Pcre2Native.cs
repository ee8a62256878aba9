using System.Runtime.InteropServices;
using System.Text;

namespace Scour.Matching.Pcre2;

/// <summary>
/// The PCRE2 8-bit library, found and bound at run time: <c>dlopen</c> and <c>dlsym</c> through
/// <see cref="NativeLibrary"/>, calls through unmanaged function pointers. Nothing links against PCRE2,
/// so a machine without it still runs everything but <c>-P</c> on it (which then falls back to .NET's
/// backtracking engine), and the binary stays NativeAOT-clean.
/// </summary>
/// <remarks>
/// <c>SCOUR_PCRE2_LIBRARY</c> names another file to load, or is <c>none</c> to never load one. The
/// library must be 10.34 or later: older ones lack <c>PCRE2_MATCH_INVALID_UTF</c>, without which a
/// search of invalid UTF-8 is undefined behaviour.
/// </remarks>
internal sealed unsafe class Pcre2Native
{
    /// <summary>The environment variable that overrides where the library is loaded from.</summary>
    public const string LibraryVariable = "SCOUR_PCRE2_LIBRARY";

    private static readonly Lazy<Pcre2Native?> Loaded = new(Load);
    private static string? s_failure;

    public readonly delegate* unmanaged<uint, void*, int> Config;
    public readonly delegate* unmanaged<nint, nint> CompileContextCreate;
    public readonly delegate* unmanaged<nint, void> CompileContextFree;
    public readonly delegate* unmanaged<nint, uint, int> SetNewline;
    public readonly delegate* unmanaged<byte*, nuint, uint, int*, nuint*, nint, nint> Compile;
    public readonly delegate* unmanaged<nint, void> CodeFree;
    public readonly delegate* unmanaged<nint, uint, int> JitCompile;
    public readonly delegate* unmanaged<nint, uint, void*, int> PatternInfo;
    public readonly delegate* unmanaged<int, byte*, nuint, int> GetErrorMessage;
    public readonly delegate* unmanaged<nint, nint, nint> MatchDataCreateFromPattern;
    public readonly delegate* unmanaged<nint, void> MatchDataFree;
    public readonly delegate* unmanaged<nint, nint> MatchContextCreate;
    public readonly delegate* unmanaged<nint, void> MatchContextFree;
    public readonly delegate* unmanaged<nuint, nuint, nint, nint> JitStackCreate;
    public readonly delegate* unmanaged<nint, void> JitStackFree;
    public readonly delegate* unmanaged<nint, nint, nint, void> JitStackAssign;
    public readonly delegate* unmanaged<nint, byte*, nuint, nuint, uint, nint, nint, int> Match;
    public readonly delegate* unmanaged<nint, byte*, nuint, nuint, uint, nint, nint, int> JitMatch;
    public readonly delegate* unmanaged<nint, nuint*> GetOvectorPointer;

    private Pcre2Native(nint library)
    {
        Config = (delegate* unmanaged<uint, void*, int>)Export(library, "pcre2_config_8");
        CompileContextCreate = (delegate* unmanaged<nint, nint>)Export(library, "pcre2_compile_context_create_8");
        CompileContextFree = (delegate* unmanaged<nint, void>)Export(library, "pcre2_compile_context_free_8");
        SetNewline = (delegate* unmanaged<nint, uint, int>)Export(library, "pcre2_set_newline_8");
        Compile = (delegate* unmanaged<byte*, nuint, uint, int*, nuint*, nint, nint>)Export(library, "pcre2_compile_8");
        CodeFree = (delegate* unmanaged<nint, void>)Export(library, "pcre2_code_free_8");
        JitCompile = (delegate* unmanaged<nint, uint, int>)Export(library, "pcre2_jit_compile_8");
        PatternInfo = (delegate* unmanaged<nint, uint, void*, int>)Export(library, "pcre2_pattern_info_8");
        GetErrorMessage = (delegate* unmanaged<int, byte*, nuint, int>)Export(library, "pcre2_get_error_message_8");
        MatchDataCreateFromPattern = (delegate* unmanaged<nint, nint, nint>)Export(library, "pcre2_match_data_create_from_pattern_8");
        MatchDataFree = (delegate* unmanaged<nint, void>)Export(library, "pcre2_match_data_free_8");
        MatchContextCreate = (delegate* unmanaged<nint, nint>)Export(library, "pcre2_match_context_create_8");
        MatchContextFree = (delegate* unmanaged<nint, void>)Export(library, "pcre2_match_context_free_8");
        JitStackCreate = (delegate* unmanaged<nuint, nuint, nint, nint>)Export(library, "pcre2_jit_stack_create_8");
        JitStackFree = (delegate* unmanaged<nint, void>)Export(library, "pcre2_jit_stack_free_8");
        JitStackAssign = (delegate* unmanaged<nint, nint, nint, void>)Export(library, "pcre2_jit_stack_assign_8");
        Match = (delegate* unmanaged<nint, byte*, nuint, nuint, uint, nint, nint, int>)Export(library, "pcre2_match_8");
        JitMatch = (delegate* unmanaged<nint, byte*, nuint, nuint, uint, nint, nint, int>)Export(library, "pcre2_jit_match_8");
        GetOvectorPointer = (delegate* unmanaged<nint, nuint*>)Export(library, "pcre2_get_ovector_pointer_8");

        Version = ConfigString(Pcre2Constants.ConfigVersion);
        uint jit = 0;
        IsJitAvailable = Config(Pcre2Constants.ConfigJit, &jit) >= 0 && jit == 1;
    }

    /// <summary>The library, loaded on first use; null when there is none (see <see cref="Failure"/>).</summary>
    public static Pcre2Native? Instance => Loaded.Value;

    /// <summary>Why <see cref="Instance"/> is null, or null when it is not.</summary>
    public static string? Failure
    {
        get
        {
            _ = Loaded.Value;
            return s_failure;
        }
    }

    /// <summary>True when the library was asked for by path (<c>SCOUR_PCRE2_LIBRARY</c>) and could not be used: an error, not a fallback.</summary>
    public static bool FailedExplicitly { get; private set; }

    /// <summary>The version as PCRE2 states it, e.g. <c>10.42 2022-12-11</c>.</summary>
    public string Version { get; }

    /// <summary>The version's major and minor numbers, e.g. <c>10.42</c>.</summary>
    public string MajorMinor => Version.Split(' ')[0];

    /// <summary>True when this build of PCRE2 has its JIT compiler (and the platform runs it).</summary>
    public bool IsJitAvailable { get; }

    /// <summary>The message PCRE2 has for an error code.</summary>
    public string ErrorMessage(int code)
    {
        var buffer = stackalloc byte[256];
        var n = GetErrorMessage(code, buffer, 256);
        return n >= 0 ? Encoding.UTF8.GetString(buffer, n) : $"error {code}";
    }

    private string ConfigString(uint what)
    {
        var length = Config(what, null);
        if (length <= 0)
        {
            return "";
        }

        var buffer = stackalloc byte[length];
        var n = Config(what, buffer);
        return n > 1 ? Encoding.ASCII.GetString(buffer, n - 1) : "";
    }

    private static nint Export(nint library, string name) => NativeLibrary.GetExport(library, name);

    private static Pcre2Native? Load()
    {
        var requested = Environment.GetEnvironmentVariable(LibraryVariable);
        if (string.Equals(requested, "none", StringComparison.Ordinal))
        {
            s_failure = $"disabled by {LibraryVariable}=none";
            return null;
        }

        var explicitly = !string.IsNullOrEmpty(requested);
        var candidates = explicitly ? [requested!] : DefaultNames();
        foreach (var name in candidates)
        {
            if (!NativeLibrary.TryLoad(name, out var handle))
            {
                continue;
            }

            try
            {
                var library = new Pcre2Native(handle);
                if (IsTooOld(library.MajorMinor))
                {
                    Fail($"{name} is PCRE2 {library.MajorMinor}; 10.34 or later is needed", explicitly);
                    return null;
                }

                return library;
            }
            catch (EntryPointNotFoundException e)
            {
                Fail($"{name} is not the PCRE2 8-bit library: {e.Message}", explicitly);
                return null;
            }
        }

        Fail(explicitly ? $"{LibraryVariable}={requested}: the library could not be loaded" : $"{DefaultNames()[0]} was not found", explicitly);
        return null;
    }

    private static void Fail(string reason, bool explicitly)
    {
        s_failure = reason;
        FailedExplicitly = explicitly;
    }

    private static bool IsTooOld(string majorMinor)
    {
        var parts = majorMinor.Split('.');
        return parts.Length < 2 || !int.TryParse(parts[0], out var major) || !int.TryParse(parts[1], out var minor)
            || major < 10 || (major == 10 && minor < 34);
    }

    private static string[] DefaultNames() =>
        OperatingSystem.IsWindows() ? ["pcre2-8.dll", "libpcre2-8-0.dll"]
        : OperatingSystem.IsMacOS() ? ["libpcre2-8.0.dylib", "/opt/homebrew/lib/libpcre2-8.0.dylib", "/usr/local/lib/libpcre2-8.0.dylib"]
        : ["libpcre2-8.so.0", "libpcre2-8.so"];
}
