using System.Text;
using Scour.Searching;

namespace Scour.Tests.Searching.Whatwg;

/// <summary>
/// The WHATWG decoders on cases worked out by hand from the Encoding Standard's algorithms and indexes
/// (rg 15.2 decodes each the same way; EncodingDifferentialTests compares whole files with it), and
/// streaming: any split of the input decodes to the same text as the whole.
/// </summary>
public sealed class WhatwgDecoderTests
{
    [Theory]
    [InlineData("sjis", new byte[] { 0x82, 0xA0 }, "\u3042")]
    [InlineData("sjis", new byte[] { 0x81, 0x0A, 0x41 }, "\uFFFD\nA")] // a broken lead byte never swallows the newline
    [InlineData("sjis", new byte[] { 0xB1, 0x80, 0xFF }, "\uFF71\u0080\uFFFD")]
    [InlineData("sjis", new byte[] { 0xF0, 0x40 }, "\uE000")] // the user-defined area
    [InlineData("gbk", new byte[] { 0x80, 0xA1, 0xA1 }, "\u20AC\u3000")]
    [InlineData("gb18030", new byte[] { 0x81, 0x30, 0x81, 0x30 }, "\u0080")]
    [InlineData("gb18030", new byte[] { 0x90, 0x30, 0x81, 0x30 }, "\U00010000")] // pointer 189000, the first astral one
    [InlineData("gb18030", new byte[] { 0x81, 0x30, 0x41 }, "\uFFFD0A")] // two bytes put back
    [InlineData("big5", new byte[] { 0x88, 0x62 }, "\u00CA\u0304")] // pointer 1133: two code points
    [InlineData("big5", new byte[] { 0xA4, 0x40 }, "\u4E00")]
    [InlineData("euc-jp", new byte[] { 0x8E, 0xB1, 0xA4, 0xA2 }, "\uFF71\u3042")]
    [InlineData("euc-jp", new byte[] { 0x8F, 0xA2, 0xAF }, "\u02D8")] // JIS X 0212
    [InlineData("iso-2022-jp", new byte[] { 0x1B, 0x24, 0x42, 0x30, 0x21, 0x1B, 0x28, 0x42, 0x61 }, "\u4E9Ca")]
    [InlineData("iso-2022-jp", new byte[] { 0x1B, 0x28, 0x42, 0x1B, 0x28, 0x42, 0x61 }, "\uFFFDa")] // an escape right after another
    [InlineData("iso-2022-jp", new byte[] { 0x1B, 0x28, 0x4A, 0x5C, 0x7E }, "\u00A5\u203E")]
    [InlineData("euc-kr", new byte[] { 0xB0, 0xA1, 0xFE, 0xFE }, "\uAC00\uFFFD")]
    [InlineData("iso-2022-jp", new byte[] { 0x00, 0x41 }, "\0A")] // U+0000 is a character like any other
    [InlineData("macintosh", new byte[] { 0xBD }, "\u03A9")] // .NET's code page 10000 has U+2126
    [InlineData("latin6", new byte[] { 0xA1 }, "\u0104")] // ISO-8859-10, which .NET lacks
    [InlineData("x-user-defined", new byte[] { 0x41, 0x80, 0xFF }, "A\uF780\uF7FF")]
    public void Decodes_as_the_standard_does(string label, byte[] input, string expected) =>
        Assert.Equal(expected, EncodingLabels.Resolve(label).GetString(input));

    [Theory]
    [InlineData("sjis")]
    [InlineData("gb18030")]
    [InlineData("big5")]
    [InlineData("euc-jp")]
    [InlineData("iso-2022-jp")]
    [InlineData("euc-kr")]
    [InlineData("koi8-r")]
    public void Any_split_of_the_input_decodes_the_same(string label)
    {
        var encoding = EncodingLabels.Resolve(label);
        var random = new Random(label.Length);
        for (var round = 0; round < 300; round++)
        {
            var input = RandomBytes(random);
            var whole = encoding.GetString(input);
            Assert.Equal(whole.Length, encoding.GetCharCount(input));
            var decoder = encoding.GetDecoder();
            var text = new StringBuilder();
            var chars = new char[input.Length + 8];
            for (var at = 0; at < input.Length;)
            {
                var piece = Math.Min(input.Length - at, random.Next(1, 5));
                var last = at + piece == input.Length;
                Assert.True(decoder.GetCharCount(input, at, piece, last) >= 0);
                var n = decoder.GetChars(input, at, piece, chars, 0, last);
                text.Append(chars, 0, n);
                at += piece;
            }

            Assert.True(whole == text.ToString(), $"{label} {Convert.ToHexString(input)}: {Escape(whole)} whole, {Escape(text.ToString())} in pieces");
        }
    }

    // Mostly lead and trail bytes, with ASCII, newlines and ISO-2022-JP's escape sequences between.
    private static byte[] RandomBytes(Random random)
    {
        var bytes = new List<byte>();
        for (var i = random.Next(1, 40); i > 0; i--)
        {
            switch (random.Next(10))
            {
                case 0 or 1 or 2: bytes.Add((byte)random.Next(0x20, 0x7F)); break;
                case 3: bytes.Add((byte)'\n'); break;
                case 4: bytes.AddRange(random.Next(2) == 0 ? [0x1B, 0x24, 0x42] : [0x1B, 0x28, 0x42]); break;
                case 5: bytes.AddRange([(byte)random.Next(0x81, 0xFF), (byte)random.Next(0x30, 0x3A), (byte)random.Next(0x81, 0xFF), (byte)random.Next(0x30, 0x3A)]); break;
                default: bytes.Add((byte)random.Next(0x80, 0x100)); break;
            }
        }

        return [.. bytes];
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c < 0x80 && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:X4}"));
}
