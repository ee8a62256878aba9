using System.Text;
using Scour.Searching.Whatwg;

namespace Scour.Searching;

/// <summary>
/// Resolves an encoding label the way ripgrep's <c>-E</c> does: any label of the WHATWG Encoding
/// Standard (case-insensitive, surrounding whitespace ignored), so <c>latin1</c> means windows-1252
/// and <c>sjis</c> Shift_JIS. Decoding is the standard's, as in a browser and in rg: invalid input is U+FFFD.
/// </summary>
public static partial class EncodingLabels
{
    // The .NET code pages that encode what the WHATWG decoders decode (decoding never uses them:
    // their invalid and unassigned bytes are not the standard's); ISO-8859-10, -14, -16,
    // x-user-defined and "replacement" have none.
    private static readonly Dictionary<string, int> CodePages = new(StringComparer.Ordinal)
    {
        ["IBM866"] = 866, ["ISO-8859-2"] = 28592, ["ISO-8859-3"] = 28593, ["ISO-8859-4"] = 28594, ["ISO-8859-5"] = 28595,
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
    /// <exception cref="ArgumentException">The label is unknown (message: <c>unknown encoding: LABEL</c>).</exception>
    public static Encoding Resolve(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        // As rg, the labels of the standard's "replacement" encoding (ISO-2022-KR, HZ-GB-2312 and
        // others it declines to decode) are unknown.
        if (!Labels.TryGetValue(label.Trim(' ', '\t', '\n', '\f', '\r').ToLowerInvariant(), out var name) || name == "replacement")
        {
            throw new ArgumentException($"unknown encoding: {label}");
        }

        switch (name)
        {
            case "UTF-8":
                return new UTF8Encoding(false, false);
            case "UTF-16LE" or "UTF-16BE":
                return new UnicodeEncoding(bigEndian: name == "UTF-16BE", byteOrderMark: false, throwOnInvalidBytes: false);
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoder = CodePages.TryGetValue(name, out var codePage) ? Encoding.GetEncoding(codePage) : null;
        return new WhatwgEncoding(name, DecoderFor(name), encoder);
    }

    private static Func<WhatwgDecoder> DecoderFor(string name)
    {
        switch (name)
        {
            case "GBK" or "gb18030": return () => new Gb18030Decoder(); // one decoder for both, as the standard has it
            case "Big5": return () => new Big5Decoder();
            case "EUC-JP": return () => new EucJpDecoder();
            case "ISO-2022-JP": return () => new Iso2022JpDecoder();
            case "Shift_JIS": return () => new ShiftJisDecoder();
            case "EUC-KR": return () => new EucKrDecoder();
        }

        var table = name == "x-user-defined" ? SingleByteDecoder.UserDefined
            : WhatwgIndexes.Get(name == "ISO-8859-8-I" ? "iso-8859-8" : name.ToLowerInvariant()); // -8-I decodes as -8
        return () => new SingleByteDecoder(table);
    }
}
