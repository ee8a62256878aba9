using System.Text;

namespace Scour.Searching;

/// <summary>
/// Resolves an encoding label the way ripgrep's <c>-E</c> does: any label of the WHATWG Encoding
/// Standard (case-insensitive, surrounding whitespace ignored), so <c>latin1</c> means windows-1252
/// and <c>sjis</c> Shift_JIS. Invalid input decodes to U+FFFD, as in a browser.
/// </summary>
public static partial class EncodingLabels
{
    // The WHATWG encodings and the .NET code page that implements each (the code pages provider
    // supplies all but UTF-8 and UTF-16); ISO-8859-10, -14, -16, x-user-defined and "replacement"
    // have no .NET implementation.
    private static readonly Dictionary<string, int> CodePages = new(StringComparer.Ordinal)
    {
        ["UTF-8"] = 65001, ["UTF-16LE"] = 1200, ["UTF-16BE"] = 1201, ["IBM866"] = 866,
        ["ISO-8859-2"] = 28592, ["ISO-8859-3"] = 28593, ["ISO-8859-4"] = 28594, ["ISO-8859-5"] = 28595,
        ["ISO-8859-6"] = 28596, ["ISO-8859-7"] = 28597, ["ISO-8859-8"] = 28598, ["ISO-8859-8-I"] = 38598,
        ["ISO-8859-13"] = 28603, ["ISO-8859-15"] = 28605, ["KOI8-R"] = 20866, ["KOI8-U"] = 21866,
        ["macintosh"] = 10000, ["windows-874"] = 874, ["windows-1250"] = 1250, ["windows-1251"] = 1251,
        ["windows-1252"] = 1252, ["windows-1253"] = 1253, ["windows-1254"] = 1254, ["windows-1255"] = 1255,
        ["windows-1256"] = 1256, ["windows-1257"] = 1257, ["windows-1258"] = 1258, ["x-mac-cyrillic"] = 10007,
        ["GBK"] = 936, ["gb18030"] = 54936, ["Big5"] = 950, ["EUC-JP"] = 51932, ["ISO-2022-JP"] = 50220,
        ["Shift_JIS"] = 932, ["EUC-KR"] = 949,
    };

    /// <summary>
    /// The encoding <paramref name="label"/> names.
    /// </summary>
    /// <exception cref="ArgumentException">The label is unknown (message: <c>unknown encoding: LABEL</c>) or its encoding is not available.</exception>
    public static Encoding Resolve(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (!Labels.TryGetValue(label.Trim(' ', '\t', '\n', '\f', '\r').ToLowerInvariant(), out var name))
        {
            throw new ArgumentException($"unknown encoding: {label}");
        }

        if (!CodePages.TryGetValue(name, out var codePage))
        {
            throw new ArgumentException($"encoding {name} is not supported (no .NET implementation)");
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    }
}
