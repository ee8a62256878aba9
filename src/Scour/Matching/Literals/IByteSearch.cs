namespace Scour.Matching.Literals;

/// <summary>A vectorized search for fixed byte patterns (<see cref="PairedByteSearch"/>, <see cref="ByteTeddy"/>).</summary>
internal interface IByteSearch
{
    /// <summary>The offset of the first occurrence in <paramref name="haystack"/>, or -1.</summary>
    int IndexOf(ReadOnlySpan<byte> haystack);
}
