namespace Scour.Rewriting;

/// <summary>
/// A 64-bit FNV-1a fingerprint of a file's bytes, with its length: enough to tell whether a file still
/// holds what a rewrite wrote (an accidental collision is a 2^-64 chance), with no dependency on a
/// cryptography library.
/// </summary>
internal readonly record struct ContentFingerprint(long Length, ulong Hash)
{
    public static ContentFingerprint Of(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return new ContentFingerprint(bytes.Length, hash);
    }
}
