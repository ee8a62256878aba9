using System.Runtime.InteropServices;
using System.Text;

namespace Scour.Matching.Pcre2;

/// <summary>
/// A compiled PCRE2 pattern (<c>pcre2_code</c>), JIT-compiled when the library can. Immutable once
/// built, so every search thread shares one; each thread matches with its own <see cref="Pcre2MatchState"/>.
/// </summary>
internal sealed unsafe class Pcre2Code : SafeHandle
{
    private readonly Pcre2Native _native;

    private Pcre2Code(Pcre2Native native, nint code)
        : base(0, ownsHandle: true)
    {
        _native = native;
        SetHandle(code);
    }

    public Pcre2Native Native => _native;

    /// <summary>True when matching runs the JIT-compiled code.</summary>
    public bool IsJitCompiled { get; private set; }

    /// <summary>Capture groups, counting group 0 (the whole match).</summary>
    public int GroupCount { get; private set; }

    /// <summary>Named groups and their numbers.</summary>
    public IReadOnlyDictionary<string, int> GroupNames { get; private set; } = new Dictionary<string, int>();

    public override bool IsInvalid => handle == 0;

    /// <summary>
    /// Compiles <paramref name="pattern"/> with <paramref name="options"/> (<see cref="Pcre2Constants"/>);
    /// <paramref name="anyCrlf"/> makes <c>\r</c>, <c>\n</c> and <c>\r\n</c> all newlines, as rg's <c>--crlf</c>.
    /// Throws <see cref="PatternSyntaxException"/> with PCRE2's message and offset, worded as rg words it.
    /// </summary>
    public static Pcre2Code Compile(Pcre2Native native, string pattern, uint options, bool anyCrlf)
    {
        var bytes = Encoding.UTF8.GetBytes(pattern);
        var context = native.CompileContextCreate(0);
        if (context == 0)
        {
            throw new InvalidOperationException("PCRE2: could not allocate a compile context");
        }

        nint code;
        int errorCode;
        nuint errorOffset;
        try
        {
            if (anyCrlf)
            {
                _ = native.SetNewline(context, Pcre2Constants.NewlineAnyCrlf);
            }

            fixed (byte* p = bytes)
            {
                code = native.Compile(p, (nuint)bytes.Length, options, &errorCode, &errorOffset, context);
            }
        }
        finally
        {
            native.CompileContextFree(context);
        }

        if (code == 0)
        {
            throw new PatternSyntaxException($"PCRE2: error compiling pattern at offset {errorOffset}: {native.ErrorMessage(errorCode)}");
        }

        var compiled = new Pcre2Code(native, code);
        // As rg: the JIT when it is there, and silently without it when it fails (a pattern too large).
        compiled.IsJitCompiled = native.IsJitAvailable && native.JitCompile(code, Pcre2Constants.JitComplete) == 0;
        compiled.GroupCount = 1 + (int)compiled.Info(Pcre2Constants.InfoCaptureCount);
        compiled.GroupNames = compiled.ReadNames();
        return compiled;
    }

    private uint Info(uint what)
    {
        uint value = 0;
        return _native.PatternInfo(handle, what, &value) == 0 ? value : 0;
    }

    // The name table: fixed-size entries, each a big-endian group number, the name, and a NUL.
    private Dictionary<string, int> ReadNames()
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = (int)Info(Pcre2Constants.InfoNameCount);
        var size = (int)Info(Pcre2Constants.InfoNameEntrySize);
        byte* table = null;
        if (count == 0 || _native.PatternInfo(handle, Pcre2Constants.InfoNameTable, &table) != 0 || table is null)
        {
            return names;
        }

        for (var i = 0; i < count; i++)
        {
            var entry = new ReadOnlySpan<byte>(table + (i * size), size);
            var name = entry[2..];
            var nul = name.IndexOf((byte)0);
            names[Encoding.UTF8.GetString(nul < 0 ? name : name[..nul])] = (entry[0] << 8) | entry[1];
        }

        return names;
    }

    protected override bool ReleaseHandle()
    {
        _native.CodeFree(handle);
        return true;
    }
}
