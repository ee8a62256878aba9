namespace Scour.Matching;

/// <summary>
/// What decoded text holds beyond the Basic Multilingual Plane, which decides the pattern translation
/// that is exact on it (see <see cref="Syntax.DotNetTranslator"/>): the more it holds, the larger the
/// regex.
/// </summary>
internal enum TextForm
{
    /// <summary>No surrogates: BMP characters only.</summary>
    Bmp,

    /// <summary>Lone low surrogates (escaped bytes that are not UTF-8), but no character outside the BMP.</summary>
    InvalidBytes,

    /// <summary>Characters outside the BMP (surrogate pairs), and perhaps escaped invalid bytes.</summary>
    Astral,
}
