using System.Text;
using Scour.Matching.Syntax;

namespace Scour.Matching.Literals;

/// <summary>
/// Finds candidate positions for a pattern cheaply before any regex runs. A candidate may be a false
/// positive (the regex confirms it), but a prefilter never misses a real match.
/// </summary>
internal abstract class Prefilter
{
    /// <summary>Prepares for a new region; returns false if the prefilter cannot be trusted on it.</summary>
    public virtual bool Reset(ReadOnlySpan<byte> region) => true;

    /// <summary>The offset of the next candidate in <paramref name="haystack"/> at or after <paramref name="start"/>, or -1.</summary>
    public abstract int Find(ReadOnlySpan<byte> haystack, int start);

    /// <summary>
    /// Chooses the cheapest prefilter for a set of required literals, or null when none would be
    /// cheaper than the automaton's own scan (then the automaton scans, as rg's does).
    /// </summary>
    public static Prefilter? Create(RequiredLiterals literals)
    {
        // One literal: a scan anchored on its two rarest positions (ignoring case, on a piece of it,
        // with the byte values of its case variants).
        if (PairedByteSearch.IsSupported && literals.Strings is [var literal])
        {
            var pattern = literals.CaseInsensitive ? BytePattern.CaseInsensitivePiece(literal) : BytePattern.Exact(Encoding.UTF8.GetBytes(literal));
            if (pattern is not null && pattern.Length >= (literals.CaseInsensitive ? 3 : 1))
            {
                return new ByteSearchPrefilter(new PairedByteSearch(pattern));
            }
        }

        if (!literals.CaseInsensitive)
        {
            // Several literals: Teddy on the bytes (AVX2). Without it, .NET's Teddy needs ASCII (widened
            // to chars); other scripts do better with vectorized byte searches than with decoding to
            // UTF-16 (Cyrillic decodes at under 1 GB/s).
            var needles = literals.Strings.Select(s => Encoding.UTF8.GetBytes(s)).ToArray();
            if (ByteTeddy.TryCreate(needles) is { } teddy)
            {
                return new ByteSearchPrefilter(teddy);
            }

            if (needles.Length is > 1 and <= 8 && needles.All(n => n.Length >= 4 && n[0] >= 0xC0 && n[1] is >= 0x80 and < 0xC0))
            {
                return new ContinuationBytePrefilter(needles);
            }

            return needles.Length == 1 ? new ByteLiteralPrefilter(needles[0]) :
                needles.Length <= 4 ? new ByteLiteralSetPrefilter(needles) :
                (Prefilter?)WidenedLiteralPrefilter.TryCreate(literals) ??
                (needles.Length <= 16 ? new ByteLiteralSetPrefilter(needles) : null);
        }

        // Ignoring case: our Teddy over each literal's longest piece whose case variants keep their
        // UTF-8 length, every position allowing the bytes of its variants. Then .NET's Teddy over
        // widened bytes (ASCII), then the byte strings of the case variants of each literal's
        // first characters.
        if (literals.Strings.Select(BytePattern.CaseInsensitivePiece).ToList() is var pieces && pieces.All(p => p is not null)
            && ByteTeddy.TryCreate(pieces!) is { } pieceTeddy)
        {
            return new ByteSearchPrefilter(pieceTeddy);
        }

        if (WidenedLiteralPrefilter.TryCreate(literals) is { } widened)
        {
            return widened;
        }

        if (CaseVariantPrefixes(literals.Strings, limit: ByteTeddy.MaxStrings) is { } prefixes && ByteTeddy.TryCreate(prefixes) is { } variantTeddy)
        {
            return new ByteSearchPrefilter(variantTeddy);
        }

        if (CaseVariantPrefixes(literals.Strings, limit: 8) is { } variants)
        {
            return variants.Count == 1 ? new ByteLiteralPrefilter(variants[0]) : new ByteLiteralSetPrefilter([.. variants]);
        }

        return null;
    }

    /// <summary>
    /// The byte strings of the case variants of a literal's leading characters (at least 4 bytes
    /// where possible), for a byte-level search; null if there would be more than <paramref name="limit"/>.
    /// </summary>
    private static List<byte[]>? CaseVariantPrefixes(IReadOnlyList<string> literals, int limit)
    {
        var all = new List<byte[]>();
        foreach (var s in literals)
        {
            var prefixes = new List<string> { string.Empty };
            var bytes = 0;
            foreach (var rune in s.EnumerateRunes())
            {
                var orbit = CaseFolding.Equivalents(rune.Value);
                if (bytes >= 4 || prefixes.Count * orbit.Count > limit)
                {
                    break;
                }

                prefixes = [.. prefixes.SelectMany(p => orbit.Select(v => p + char.ConvertFromUtf32(v)))];
                bytes += rune.Utf8SequenceLength;
            }

            all.AddRange(prefixes.Select(Encoding.UTF8.GetBytes));
            if (all.Count > limit)
            {
                return null;
            }
        }

        return all;
    }
}
