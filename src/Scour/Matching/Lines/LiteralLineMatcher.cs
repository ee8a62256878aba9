using Scour.Matching.Literals;

namespace Scour.Matching.Lines;

/// <summary>
/// A pattern that is one case-sensitive string: decided entirely on bytes (a vectorized scan anchored
/// on the needle's rarest bytes), with no decoding and no regex.
/// </summary>
internal sealed class LiteralLineMatcher(byte[] needle) : ByteLineMatcher
{
    private readonly PairedByteSearch? _search = PairedByteSearch.IsSupported && needle.Length > 0 ? PairedByteSearch.Exact(needle) : null;

    protected override int Find(ReadOnlySpan<byte> text) => _search is null ? text.IndexOf(needle) : _search.IndexOf(text);

    public override void FindAll(ReadOnlySpan<byte> line, List<ByteRange> matches)
    {
        var at = 0;
        while (at <= line.Length - needle.Length)
        {
            var i = line[at..].IndexOf(needle);
            if (i < 0)
            {
                break;
            }

            matches.Add(new ByteRange(at + i, at + i + needle.Length));
            at += i + needle.Length;
        }
    }

    public override bool IsMatch(ReadOnlySpan<byte> line) => line.IndexOf(needle) >= 0;
}
