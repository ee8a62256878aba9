using System.Text;

namespace Scour.Cli;

/// <summary>
/// The separator flags' values as bytes: ripgrep unescapes <c>\t</c>, <c>\n</c>, <c>\r</c>, <c>\0</c>,
/// <c>\\</c> and <c>\xHH</c> (a raw byte, which need not be valid UTF-8) and keeps any other backslash.
/// </summary>
internal static class SeparatorBytes
{
    public static byte[] Unescape(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        if (!utf8.Contains((byte)'\\'))
        {
            return utf8;
        }

        var bytes = new List<byte>(utf8.Length);
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] != '\\' || i + 1 >= utf8.Length)
            {
                bytes.Add(utf8[i]);
                continue;
            }

            var c = utf8[++i];
            switch (c)
            {
                case (byte)'n': bytes.Add((byte)'\n'); break;
                case (byte)'t': bytes.Add((byte)'\t'); break;
                case (byte)'r': bytes.Add((byte)'\r'); break;
                case (byte)'0': bytes.Add(0); break;
                case (byte)'\\': bytes.Add((byte)'\\'); break;
                case (byte)'x' when i + 2 < utf8.Length && Uri.IsHexDigit((char)utf8[i + 1]) && Uri.IsHexDigit((char)utf8[i + 2]):
                    bytes.Add(Convert.ToByte(Encoding.ASCII.GetString(utf8, i + 1, 2), 16));
                    i += 2;
                    break;
                default: bytes.Add((byte)'\\'); bytes.Add(c); break;
            }
        }

        return [.. bytes];
    }

    /// <summary><c>--path-separator</c>: exactly one byte, or null for the platform's. Throws <see cref="ArgumentException"/> with rg's text.</summary>
    public static byte? PathSeparator(string? separator)
    {
        if (separator is null or "")
        {
            return null;
        }

        var bytes = Unescape(separator);
        return bytes.Length == 1 ? bytes[0] : throw new ArgumentException(
            $"A path separator must be exactly one byte, but the given separator is {bytes.Length} bytes: {separator}\n" +
            "In some shells on Windows '/' is automatically expanded. Use '//' instead.");
    }
}
