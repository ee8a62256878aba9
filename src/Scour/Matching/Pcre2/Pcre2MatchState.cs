using System.Runtime.InteropServices;

namespace Scour.Matching.Pcre2;

/// <summary>
/// One thread's state for matching a <see cref="Pcre2Code"/>: the match data (the offsets of the last
/// match and its groups), a match context, and, for JIT-compiled code, a JIT stack sized as rg sizes it
/// (32 KiB, growing to 10 MiB). Created once per search thread and reused for every line; freed when
/// disposed (or finalized), together.
/// </summary>
internal sealed unsafe class Pcre2MatchState : SafeHandle
{
    private const nuint JitStackStart = 32 * 1024;
    private const nuint JitStackMax = 10 * 1024 * 1024;

    // A subject with no bytes still gets a pointer to real memory: some PCRE2 versions read through it.
    private static readonly byte* EmptySubject = (byte*)NativeMemory.AllocZeroed(1);

    private readonly Pcre2Code _code;
    private readonly Pcre2Native _native;
    private readonly nint _codePointer;
    private readonly nint _context;
    private readonly nint _jitStack;
    private readonly nuint* _ovector;
    private readonly bool _jit;

    public Pcre2MatchState(Pcre2Code code)
        : base(0, ownsHandle: true)
    {
        _code = code;
        _native = code.Native;
        _codePointer = code.DangerousGetHandle();
        var data = _native.MatchDataCreateFromPattern(_codePointer, 0);
        _context = _native.MatchContextCreate(0);
        if (data == 0 || _context == 0)
        {
            FreeAll(data);
            throw new InvalidOperationException("PCRE2: could not allocate match data");
        }

        SetHandle(data);
        _jit = code.IsJitCompiled;
        if (_jit)
        {
            _jitStack = _native.JitStackCreate(JitStackStart, JitStackMax, 0);
            if (_jitStack != 0)
            {
                _native.JitStackAssign(_context, 0, _jitStack);
            }
        }

        _ovector = _native.GetOvectorPointer(data);
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>The start of the last match (group 0).</summary>
    public int Start => (int)_ovector[0];

    /// <summary>The end of the last match (group 0).</summary>
    public int End => (int)_ovector[1];

    /// <summary>Group <paramref name="group"/> of the last match, or (-1, -1) when it took no part.</summary>
    public ByteRange Group(int group)
    {
        var start = _ovector[2 * group];
        return start == nuint.MaxValue ? new ByteRange(-1, -1) : new ByteRange((int)start, (int)_ovector[(2 * group) + 1]);
    }

    /// <summary>
    /// Searches <paramref name="subject"/> from <paramref name="start"/>, as <c>pcre2_match</c> does (look-behind
    /// sees the bytes before <paramref name="start"/>). Throws <see cref="Pcre2MatchException"/> when PCRE2
    /// gives up (a match, depth or heap limit, or the JIT stack), with rg's wording.
    /// </summary>
    public bool Find(ReadOnlySpan<byte> subject, int start)
    {
        fixed (byte* p = subject)
        {
            return Find(p, subject.Length, start);
        }
    }

    /// <summary>As <see cref="Find(ReadOnlySpan{byte}, int)"/>, on memory the caller keeps fixed.</summary>
    public bool Find(byte* subject, int length, int start)
    {
        // JIT-compiled code runs through pcre2_jit_match, the documented fast path: pcre2_match would only
        // check what holds here (valid arguments, a start within the subject; MATCH_INVALID_UTF means no
        // UTF check) before calling the same code.
        if (length == 0)
        {
            subject = EmptySubject;
        }

        var rc = _jit
            ? _native.JitMatch(_codePointer, subject, (nuint)length, (nuint)start, 0, handle, _context)
            : _native.Match(_codePointer, subject, (nuint)length, (nuint)start, 0, handle, _context);
        if (rc > 0)
        {
            return true;
        }

        if (rc == Pcre2Constants.ErrorNoMatch)
        {
            return false;
        }

        throw new Pcre2MatchException($"PCRE2: error matching: {_native.ErrorMessage(rc)}");
    }

    protected override bool ReleaseHandle()
    {
        FreeAll(handle);
        GC.KeepAlive(_code);
        return true;
    }

    private void FreeAll(nint data)
    {
        if (_jitStack != 0)
        {
            _native.JitStackFree(_jitStack);
        }

        if (data != 0)
        {
            _native.MatchDataFree(data);
        }

        if (_context != 0)
        {
            _native.MatchContextFree(_context);
        }
    }
}
