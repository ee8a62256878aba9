namespace Scour.Matching.Pcre2;

/// <summary>The values from <c>pcre2.h</c> that Scour passes (stable across PCRE2 10.x).</summary>
internal static class Pcre2Constants
{
    public const uint Caseless = 0x00000008;
    public const uint DotAll = 0x00000020;
    public const uint Multiline = 0x00000400;
    public const uint Ucp = 0x00020000;
    public const uint Utf = 0x00080000;
    public const uint MatchInvalidUtf = 0x04000000;

    public const uint JitComplete = 0x00000001;

    public const uint NewlineAnyCrlf = 5;

    public const uint ConfigJit = 1;
    public const uint ConfigVersion = 11;

    public const uint InfoCaptureCount = 4;
    public const uint InfoNameCount = 17;
    public const uint InfoNameEntrySize = 18;
    public const uint InfoNameTable = 19;

    public const int ErrorNoMatch = -1;
}
