using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;

namespace Scour.Output;

/// <summary>
/// Writes the JSON pieces of ripgrep's <c>--json</c> protocol byte for byte as serde_json writes them:
/// strings escape only <c>"</c>, <c>\</c> and control characters (<c>\n \t \r \b \f</c> short, the
/// rest as <c>\u00XX</c>); other UTF-8 passes through; data that is not valid UTF-8 becomes
/// <c>{"bytes":"BASE64"}</c> instead of <c>{"text":"..."}</c>.
/// </summary>
internal static class JsonText
{
    private static ReadOnlySpan<byte> Hex => "0123456789abcdef"u8;

    /// <summary>Writes <c>{"text":"..."}</c> or <c>{"bytes":"..."}</c> for arbitrary data.</summary>
    public static void WriteData(OutputBuffer output, ReadOnlySpan<byte> data)
    {
        if (Utf8.IsValid(data))
        {
            output.Write("{\"text\":"u8);
            WriteString(output, data);
        }
        else
        {
            output.Write("{\"bytes\":\""u8);
            var encoded = new byte[Base64.GetMaxEncodedToUtf8Length(data.Length)];
            Base64.EncodeToUtf8(data, encoded, out _, out var written);
            output.Write(encoded.AsSpan(0, written));
            output.Write((byte)'"');
        }

        output.Write((byte)'}');
    }

    /// <summary>Writes a JSON string of valid UTF-8 text.</summary>
    public static void WriteString(OutputBuffer output, ReadOnlySpan<byte> utf8)
    {
        output.Write((byte)'"');
        var start = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (b >= 0x20 && b != '"' && b != '\\')
            {
                continue;
            }

            output.Write(utf8[start..i]);
            switch (b)
            {
                case (byte)'"': output.Write("\\\""u8); break;
                case (byte)'\\': output.Write("\\\\"u8); break;
                case (byte)'\n': output.Write("\\n"u8); break;
                case (byte)'\t': output.Write("\\t"u8); break;
                case (byte)'\r': output.Write("\\r"u8); break;
                case 0x08: output.Write("\\b"u8); break;
                case 0x0C: output.Write("\\f"u8); break;
                default:
                    output.Write("\\u00"u8);
                    output.Write(Hex[b >> 4]);
                    output.Write(Hex[b & 0xF]);
                    break;
            }

            start = i + 1;
        }

        output.Write(utf8[start..]);
        output.Write((byte)'"');
    }

    /// <summary>Writes a JSON string from a .NET string.</summary>
    public static void WriteString(OutputBuffer output, string text) => WriteString(output, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes ripgrep's duration object <c>{"secs":S,"nanos":N,"human":"0.000012s"}</c> (keys in the given order).</summary>
    public static void WriteElapsed(OutputBuffer output, TimeSpan elapsed, bool alphabetical)
    {
        var totalNanos = elapsed.Ticks * 100;
        var secs = totalNanos / 1_000_000_000;
        var nanos = totalNanos % 1_000_000_000;
        var human = Encoding.ASCII.GetBytes(FormattableString.Invariant($"{elapsed.TotalSeconds:0.000000}s"));
        if (alphabetical)
        {
            output.Write("{\"human\":"u8);
            WriteString(output, human);
            output.Write(",\"nanos\":"u8);
            output.WriteNumber(nanos);
            output.Write(",\"secs\":"u8);
            output.WriteNumber(secs);
        }
        else
        {
            output.Write("{\"secs\":"u8);
            output.WriteNumber(secs);
            output.Write(",\"nanos\":"u8);
            output.WriteNumber(nanos);
            output.Write(",\"human\":"u8);
            WriteString(output, human);
        }

        output.Write((byte)'}');
    }
}
