using System.Text;
using Scour.Matching;

namespace Scour.Tests.Matching;

public class Utf8TextTests
{
    [Theory]
    [InlineData(new byte[] { 0x61, 0x62 })]
    [InlineData(new byte[] { 0xC3, 0xA9, 0x20, 0xF0, 0x9F, 0x98, 0x80 })]
    [InlineData(new byte[] { 0x61, 0xFF, 0xFE, 0x62 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]            // truncated sequence at the end
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]      // an encoded surrogate is invalid UTF-8
    public void Decoding_is_lossless_and_offsets_map_back(byte[] bytes)
    {
        var chars = new char[bytes.Length];
        var n = Utf8Text.Decode(bytes, chars);
        Assert.Equal(bytes.Length, Utf8Text.ByteCount(chars.AsSpan(0, n)));

        // Re-encode: valid characters as UTF-8, escapes back to their byte.
        var roundTrip = new List<byte>();
        for (var i = 0; i < n; i++)
        {
            var c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(chars[i + 1]))
            {
                roundTrip.AddRange(Encoding.UTF8.GetBytes(new[] { c, chars[++i] }));
            }
            else if (char.IsSurrogate(c))
            {
                roundTrip.Add((byte)(c - 0xDC00));
            }
            else
            {
                roundTrip.AddRange(Encoding.UTF8.GetBytes(new[] { c }));
            }
        }

        Assert.Equal(bytes, roundTrip.ToArray());
    }

    [Fact]
    public void Invalid_bytes_become_lone_surrogates()
    {
        var chars = new char[3];
        var n = Utf8Text.Decode([0x61, 0xFF, 0x62], chars);
        Assert.Equal("a\uDCFFb", new string(chars, 0, n));
    }
}
