using System.Text;
using Scour.Rewriting;

namespace Scour.Tests.Rewriting;

public sealed class FileTextTests
{
    [Theory]
    [InlineData(new byte[] { (byte)'a', (byte)'\n' }, "Utf8", "a\n")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a' }, "Utf8Bom", "a")]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0, 0x16, 0x04 }, "Utf16LittleEndian", "aЖ")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'a', 0x04, 0x16 }, "Utf16BigEndian", "aЖ")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x3D, 0xD8, 0x00, 0xDE }, "Utf16LittleEndian", "😀")]
    public void Decodes_and_encodes_back_byte_for_byte(byte[] raw, string encoding, string text)
    {
        var decoded = FileText.Decode(raw, out var problem);
        Assert.Null(problem);
        Assert.NotNull(decoded);
        Assert.Equal(encoding, decoded.Encoding.ToString());
        Assert.Equal(text, Encoding.UTF8.GetString(decoded.Utf8));
        Assert.Equal(raw, decoded.Encode(decoded.Utf8));
    }

    [Fact]
    public void Utf16_keeps_its_encoding_after_an_edit()
    {
        var raw = new byte[] { 0xFE, 0xFF, 0, (byte)'a', 0, (byte)'\n' };
        var decoded = FileText.Decode(raw, out _)!;
        Assert.Equal(new byte[] { 0xFE, 0xFF, 0, (byte)'b', 0, (byte)'\n' }, decoded.Encode("b\n"u8.ToArray()));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', 0, (byte)'b' }, "binary file (NUL byte at offset 1)")]
    [InlineData(new byte[] { (byte)'a', 0xFF, (byte)'b' }, "not valid UTF-8 (at byte offset 1)")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a', 0xC3 }, "not valid UTF-8 (at byte offset 4)")]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a' }, "not valid UTF-16")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x3D, 0xD8, (byte)'a', 0 }, "not valid UTF-16")]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0, 0, 0 }, "binary file (NUL byte at offset 1)")]
    public void Refuses_what_cannot_round_trip(byte[] raw, string expected)
    {
        Assert.Null(FileText.Decode(raw, out var problem));
        Assert.Equal(expected, problem);
    }
}
