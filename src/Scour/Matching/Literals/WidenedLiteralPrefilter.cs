using System.Buffers;
using System.Text;
using Scour.Matching.Syntax;

namespace Scour.Matching.Literals;

/// <summary>
/// Searches for ASCII literals (any number, with or without case) without decoding UTF-8: each byte
/// of the region is widened to one char (Latin-1, a vectorized copy), so char offsets are byte
/// offsets, and <see cref="SearchValues{T}"/> (Teddy on x86-64-v3, which needs ASCII needles) finds
/// them. Text that could match a needle only through a non-ASCII case variant (KELVIN SIGN for
/// <c>k</c>, LONG S for <c>s</c>) makes the prefilter step aside for that region.
/// </summary>
internal sealed class WidenedLiteralPrefilter : Prefilter
{
    private readonly SearchValues<string> _values;
    private readonly byte[][] _hazards;
    private char[] _widened = ArrayPool<char>.Shared.Rent(4096);
    private int _length = -1;

    private WidenedLiteralPrefilter(IReadOnlyList<string> needles, StringComparison comparison, byte[][] hazards)
    {
        _values = SearchValues.Create(needles.ToArray(), comparison);
        _hazards = hazards;
    }

    /// <summary>Builds the prefilter, or returns null unless every literal is ASCII.</summary>
    public static WidenedLiteralPrefilter? TryCreate(RequiredLiterals literals)
    {
        if (!literals.Strings.All(s => Ascii.IsValid(s)))
        {
            return null;
        }

        if (!literals.CaseInsensitive)
        {
            return new WidenedLiteralPrefilter(literals.Strings, StringComparison.Ordinal, []);
        }

        // Widened text holds no character above U+00FF, so every non-ASCII case variant is a hazard.
        var hazards = literals.Strings
            .SelectMany(s => s.EnumerateRunes())
            .SelectMany(r => CaseFolding.Equivalents(r.Value))
            .Where(v => v > 0x7F)
            .Distinct()
            .Select(v => Encoding.UTF8.GetBytes(char.ConvertFromUtf32(v)))
            .ToArray();
        return new WidenedLiteralPrefilter(literals.Strings, StringComparison.OrdinalIgnoreCase, hazards);
    }

    public override bool Reset(ReadOnlySpan<byte> region)
    {
        foreach (var hazard in _hazards)
        {
            if (region.IndexOf(hazard) >= 0)
            {
                return false;
            }
        }

        _length = -1;
        return true;
    }

    public override int Find(ReadOnlySpan<byte> haystack, int start)
    {
        if (_length < 0)
        {
            if (_widened.Length < haystack.Length)
            {
                ArrayPool<char>.Shared.Return(_widened);
                _widened = ArrayPool<char>.Shared.Rent(haystack.Length);
            }

            _length = Encoding.Latin1.GetChars(haystack, _widened);
        }

        var i = _widened.AsSpan(start, _length - start).IndexOfAny(_values);
        return i < 0 ? -1 : start + i;
    }
}
